/** Where a window's report, its JSON twin and its violations go: under `reports/drift/<model>/`, never a watched prefix. */
export type ReportKeys = { html: string; json: string; violations: string };

const compact = (iso: string): string => iso.replace(/[:.]/g, '-');

/**
 * The report keys of one model's window, named by the window's end so they sort in time.
 *
 * @example reportKeys('churn', '2026-03-02T00:00:00.000Z').html
 * // 'reports/drift/churn/2026-03-02T00-00-00-000Z/report.html'
 */
export const reportKeys = (model: string, windowEnd: string): ReportKeys => {
  const base = `reports/drift/${model}/${compact(windowEnd)}`;
  return { html: `${base}/report.html`, json: `${base}/report.json`, violations: `${base}/constraint_violations.json` };
};
