import type { ColumnProfile } from './ColumnProfile.js';
import { quantilesOf } from './ColumnProfiler.js';
import type { DatasetProfile } from './DatasetProfile.js';
import { mergeMoments } from './mergeMoments.js';
import { QuantileSketch } from './QuantileSketch.js';
import { mergeValueCounts } from './ValueCounter.js';

const minOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
const maxOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

/**
 * Merges the profiles of one column over two disjoint partitions.
 *
 * @throws RangeError when the column types differ
 */
export const mergeColumnProfiles = (a: ColumnProfile, b: ColumnProfile): ColumnProfile => {
  if (a.type !== b.type) throw new RangeError(`cannot merge a ${a.type} column with a ${b.type} column`);
  const moments = mergeMoments(
    { count: a.mean === null ? 0 : a.count, mean: a.mean ?? 0, m2: a.m2 ?? 0 },
    { count: b.mean === null ? 0 : b.count, mean: b.mean ?? 0, m2: b.m2 ?? 0 },
  );
  const numeric = moments.count > 0;
  const sketch = a.sketch && b.sketch ? QuantileSketch.mergeStates(a.sketch, b.sketch) : (a.sketch ?? b.sketch ?? null);
  const min = minOf(a.min, b.min);
  const max = maxOf(a.max, b.max);
  const maxDistinct = Math.min(a.maxDistinct, b.maxDistinct);
  return {
    type: a.type,
    count: a.count + b.count,
    nulls: a.nulls + b.nulls,
    invalid: a.invalid + b.invalid,
    min,
    max,
    mean: numeric ? moments.mean : null,
    m2: numeric ? moments.m2 : null,
    variance: numeric && moments.count > 1 ? moments.m2 / (moments.count - 1) : null,
    minLength: minOf(a.minLength, b.minLength),
    maxLength: maxOf(a.maxLength, b.maxLength),
    quantiles: sketch && min !== null && max !== null ? quantilesOf(sketch, min, max) : null,
    sketch,
    maxDistinct,
    valueCounts: mergeValueCounts(a.valueCounts, b.valueCounts, maxDistinct),
  };
};

/**
 * Merges the profiles of two disjoint partitions of a dataset into the profile of both.
 *
 * This is the reduce step of the scale path (one profile per partition, merged afterwards):
 * counts, extremes, value counts and sketch bins merge exactly, means and variances up to
 * floating-point rounding, and quantiles stay within the sketch's relative accuracy. A column
 * present in only one profile is copied.
 *
 * @throws RangeError when a column has different types or sketch accuracies in the two profiles
 */
export const mergeProfiles = (a: DatasetProfile, b: DatasetProfile): DatasetProfile => {
  const columns: Record<string, ColumnProfile> = {};
  for (const name of new Set([...Object.keys(a.columns), ...Object.keys(b.columns)])) {
    const left = a.columns[name];
    const right = b.columns[name];
    columns[name] = left && right ? mergeColumnProfiles(left, right) : structuredClone(left ?? right);
  }
  return { rows: a.rows + b.rows, columns };
};
