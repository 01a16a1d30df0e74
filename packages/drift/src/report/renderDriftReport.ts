import type { ColumnDrift, DriftResult, QualityDrift } from '../DriftResult.js';
import { isHypothesisTest } from '../feature/DriftTest.js';
import type { DataTable } from '../table/DataTable.js';
import { readColumn } from '../table/readColumn.js';
import { barChartSvg } from './barChartSvg.js';
import { categoryShares } from './categoryShares.js';
import { escapeHtml } from './escapeHtml.js';
import { formatStatistic } from './formatStatistic.js';
import { histogramBins } from './histogramBins.js';
import { histogramSvg } from './histogramSvg.js';

/** What the report shows: the verdict and the data it was reached on. */
export type DriftReportInput = {
  result: DriftResult;
  baseline: DataTable;
  current: DataTable;
  /** Cells read as missing, as in the comparison (the contract's `nullValues`); `['']` by default. */
  nullValues?: string[];
  /** Heading of the page; `Drift report` by default. */
  title?: string;
  /** When the report was made (ISO 8601), shown under the heading; omitted when absent. */
  generatedAt?: string;
};

const style = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1040px;padding:24px;color:#1f2328;background:#fff}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
h3{font-size:16px;margin:0 0 8px;display:flex;gap:8px;align-items:center}
.muted{color:#59636e}.badge{display:inline-block;border-radius:12px;padding:1px 10px;font-size:12px;font-weight:600;color:#fff}
.drift{background:#cf222e}.no_drift{background:#1a7f37}.insufficient_data{background:#9a6700}.warning{background:#bc4c00}.critical{background:#82071e}
.summary{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:12px;margin:16px 0}
.card{border:1px solid #d0d7de;border-radius:6px;padding:10px 12px}.card b{display:block;font-size:20px}
table{border-collapse:collapse;margin:8px 0}th,td{text-align:left;padding:3px 10px 3px 0;border-bottom:1px solid #eaeef2;font-variant-numeric:tabular-nums}
.feature{border:1px solid #d0d7de;border-radius:6px;padding:14px;margin:14px 0;display:grid;grid-template-columns:600px 1fr;gap:16px;align-items:start}
@media (max-width:900px){.feature{grid-template-columns:1fr}}
.chart{max-width:100%;height:auto}.chart .grid{stroke:#eaeef2}.chart .axis{stroke:#59636e}
.chart text{font:11px system-ui,sans-serif;fill:#1f2328}.chart .axis-label{font-weight:600}
ul{margin:4px 0;padding-left:20px}
`;

const badge = (drifted: boolean): string =>
  drifted ? '<span class="badge drift">drift</span>' : '<span class="badge no_drift">no drift</span>';

const chartFor = (column: ColumnDrift, input: DriftReportInput): string => {
  const nulls = input.nullValues ?? [''];
  const b = readColumn(input.baseline, column.name, column.kind, nulls);
  const c = readColumn(input.current, column.name, column.kind, nulls);
  if (b.kind === 'numeric' && c.kind === 'numeric') {
    return histogramSvg(column.name, histogramBins(b.values, c.values), b.values.length, c.values.length);
  }
  const shares = categoryShares(b.values as string[], c.values as string[]);
  return barChartSvg(column.name, shares, b.values.length, c.values.length);
};

const columnSection = (column: ColumnDrift, input: DriftReportInput, role: string): string => {
  const rows: [string, string][] = [
    ['kind', `${column.kind} (${column.kindSource})`],
    ['test', column.test + (column.method === undefined ? '' : ` (${column.method})`)],
    ['statistic', formatStatistic(column.statistic)],
  ];
  if (column.pValue !== undefined) rows.push(['p-value', formatStatistic(column.pValue)]);
  if (column.adjustedPValue !== undefined) rows.push(['adjusted p-value', formatStatistic(column.adjustedPValue)]);
  rows.push(
    [isHypothesisTest(column.test) ? 'alpha' : 'threshold', formatStatistic(column.threshold)],
    ['PSI', formatStatistic(column.psi)],
    ['values (baseline / current)', `${column.nBaseline} / ${column.nCurrent}`],
    ['missing (baseline / current)', `${column.missingBaseline} / ${column.missingCurrent}`],
  );
  const rule = isHypothesisTest(column.test)
    ? `drift when the ${column.adjustedPValue === undefined ? '' : 'adjusted '}p-value is below ${formatStatistic(column.threshold)}`
    : `drift when the statistic reaches ${formatStatistic(column.threshold)}`;
  return [
    `<section class="feature" data-feature="${escapeHtml(column.name)}">`,
    `<div>${chartFor(column, input)}</div>`,
    `<div><h3>${escapeHtml(column.name)} ${badge(column.drifted)}${column.critical ? ' <span class="badge critical">critical</span>' : ''}</h3>`,
    `<p class="muted">${escapeHtml(role)}; ${escapeHtml(rule)}.</p>`,
    '<table>',
    ...rows.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`),
    '</table></div></section>',
  ].join('');
};

const qualitySection = (quality: QualityDrift): string =>
  [
    `<h2>Model quality ${badge(quality.drifted)}</h2>`,
    `<p class="muted">Labels from ${escapeHtml(quality.labels)} (positive class ${escapeHtml(quality.positive)}), predictions read as ${quality.predictions}; ${quality.nBaseline} baseline and ${quality.nCurrent} current labelled rows; a metric drifts when it falls more than ${quality.allowedDrop}.</p>`,
    '<table><tr><th>metric</th><th>baseline</th><th>current</th><th>drop</th><th>verdict</th></tr>',
    ...quality.metrics.map(
      (m) =>
        `<tr><td>${m.name}</td><td>${formatStatistic(m.baseline)}</td><td>${formatStatistic(m.current)}</td><td>${formatStatistic(m.drop)}</td><td>${badge(m.drifted)}</td></tr>`,
    ),
    '</table>',
  ].join('');

/**
 * Renders a drift result as one self-contained HTML page: a summary, then one chart per column.
 *
 * Numeric columns get an overlaid histogram on shared bins and categorical ones a grouped bar
 * chart, both inline SVG, next to the test, the numbers and the verdict. The page has no
 * script and loads nothing (a Content-Security-Policy forbids it), so it can be mailed,
 * stored in S3 or opened offline. Every string from the data is escaped.
 */
export const renderDriftReport = (input: DriftReportInput): string => {
  const { result } = input;
  const title = input.title ?? 'Drift report';
  const tested = result.features.length;
  const driftedCount = result.features.filter((f) => f.drifted).length;
  const status = result.status.replace('_', ' ');
  const body: string[] = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="muted">Baseline ${escapeHtml(input.baseline.source)}, current ${escapeHtml(input.current.source)}${input.generatedAt === undefined ? '' : `, generated ${escapeHtml(input.generatedAt)}`}.</p>`,
    '<div class="summary">',
    `<div class="card">status<b><span class="badge ${result.status}">${status}</span>${result.severity === undefined ? '' : ` <span class="badge ${result.severity}">${result.severity}</span>`}</b></div>`,
    `<div class="card">drifted features<b>${driftedCount} of ${tested} (${(result.driftShare * 100).toFixed(0)}%)</b></div>`,
    `<div class="card">rows<b>${result.rows.baseline} / ${result.rows.current}</b>baseline / current</div>`,
    `<div class="card">tests<b>${result.regime === 'distances' ? 'distances' : 'hypothesis tests'}</b>${result.regime === 'distances' ? 'baseline above the small-sample size' : `alpha ${result.alpha}, ${escapeHtml(result.correction)}`}</div>`,
    '</div>',
    '<ul class="reasons">',
    ...result.reasons.map((r) => `<li>${escapeHtml(r)}</li>`),
    '</ul>',
  ];
  if (tested > 0) {
    body.push('<h2>Features</h2>', ...result.features.map((f) => columnSection(f, input, 'feature')));
  }
  if (result.prediction !== undefined) {
    body.push('<h2>Prediction drift</h2>', columnSection(result.prediction, input, "the model's output"));
  }
  if (result.quality !== undefined) body.push(qualitySection(result.quality));
  if (result.target !== undefined) {
    body.push('<h2>Target drift</h2>', columnSection(result.target, input, 'the target, reported only'));
  }
  if (result.excluded.length > 0) {
    body.push(
      '<h2>Excluded columns</h2><table><tr><th>column</th><th>reason</th></tr>',
      ...result.excluded.map((e) => `<tr><td>${escapeHtml(e.name)}</td><td>${escapeHtml(e.reason)}</td></tr>`),
      '</table>',
    );
  }
  if (result.notes.length > 0) {
    body.push('<h2>Notes</h2><ul>', ...result.notes.map((n) => `<li>${escapeHtml(n)}</li>`), '</ul>');
  }
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}: ${status}</title>`,
    `<style>${style}</style>`,
    '</head><body>',
    ...body,
    '</body></html>',
    '',
  ].join('\n');
};
