import { type ColumnDrift, countCategories, type DataTable, readColumn } from '@fleet/drift';
import { ksDistance } from './ksDistance.js';

const shares = (counts: readonly number[]): number[] => {
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => (total === 0 ? 0 : c / total));
};

/**
 * The distance Model Monitor reports as `feature_baseline_drift_<feature>`: the L-infinity
 * distance between the baseline's and the window's distributions of one feature, which for a
 * numeric feature is the two-sample Kolmogorov-Smirnov D and for a categorical one the largest
 * difference of a category's share.
 *
 * Computed exactly on the sample instead of Model Monitor's KLL sketches, so it can differ from
 * Model Monitor's value in the third decimal on large windows.
 */
export const modelMonitorDistance = (
  baseline: DataTable,
  current: DataTable,
  feature: Pick<ColumnDrift, 'name' | 'kind'>,
  nullValues: string[],
): number => {
  const b = readColumn(baseline, feature.name, feature.kind, nullValues);
  const c = readColumn(current, feature.name, feature.kind, nullValues);
  if (b.values.length === 0 || c.values.length === 0) return Number.NaN;
  if (b.kind === 'numeric' && c.kind === 'numeric') return ksDistance(b.values, c.values);
  const counts = countCategories(b.values as string[], c.values as string[]);
  const sb = shares(counts.baseline);
  const sc = shares(counts.current);
  return sb.reduce((max, share, i) => Math.max(max, Math.abs(share - sc[i])), 0);
};
