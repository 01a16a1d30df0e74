import type { DataTable } from '@fleet/drift';
import { Reservoir } from './Reservoir.js';
import { seededRandom } from './seededRandom.js';

/**
 * The baseline a window is compared with, sized for the window.
 *
 * `@fleet/drift` picks its decision path by the baseline's size: hypothesis tests up to
 * `smallSampleRows`, distances above. Distances suit two large samples; against a small window
 * their noise alone crosses the thresholds (a 300-row window against a 6,000-row baseline
 * drifts in about 40 % of unchanged windows). So when the window has at most `smallSampleRows`
 * rows and the baseline more, the baseline is cut to a seeded sample of `smallSampleRows`
 * rows, and the KS and chi-squared tests, whose false alarms are controlled at `alpha`,
 * decide. A large window keeps the whole baseline and the distances.
 */
export const fitBaseline = (
  baseline: DataTable,
  windowRows: number,
  smallSampleRows: number,
  seed: string,
): { table: DataTable; note?: string } => {
  if (windowRows > smallSampleRows || baseline.rows.length <= smallSampleRows) return { table: baseline };
  const reservoir = new Reservoir<string[]>(smallSampleRows, seededRandom(seed));
  for (const row of baseline.rows) reservoir.offer(row);
  return {
    table: { source: baseline.source, header: baseline.header, rows: [...reservoir.items] },
    note: `The window has ${windowRows} rows (at most smallSampleRows ${smallSampleRows}): it is compared with a seeded sample of ${smallSampleRows} of the baseline's ${baseline.rows.length} rows, so hypothesis tests decide; distances against a window this small would be mostly noise.`,
  };
};
