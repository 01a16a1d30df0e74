import { linearQuantile } from './internal/linearQuantile.js';
import { numpySum } from './internal/numpySum.js';
import { toSortedFloat64Array } from './internal/toSortedFloat64Array.js';

const DECILES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const SHARE_FLOOR = 1e-4;

/** Counts how many sorted values fall in each bin (-inf, e0], (e0, e1], ..., (e_last, inf). */
function binCounts(sortedValues: Float64Array, edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  let bin = 0;
  for (const value of sortedValues) {
    while (bin < edges.length && edges[bin] < value) bin += 1;
    counts[bin] += 1;
  }
  return counts;
}

/**
 * Population Stability Index of a numeric feature between a baseline and a current sample.
 *
 * The drift monitor's headline number for a numeric column. Bins are the baseline's deciles
 * (`numpy.unique(numpy.quantile(baseline, [0.1, ..., 0.9]))`, linear method), open-ended so
 * that current values outside the baseline range still count; bin(x) = number of edges strictly
 * below x. With p and q the baseline and current shares per bin, each floored at 1e-4 (no
 * renormalisation), PSI = Σ (q - p) ln(q / p). Integer or constant data give fewer bins because
 * duplicate edges collapse. Other PSI conventions (additive epsilon, equal-width bins) give
 * different numbers.
 *
 * Reference: Yurdakul (2018), "Statistical Properties of Population Stability Index",
 * https://scholarworks.wmich.edu/dissertations/3208; this project's fixture README defines the exact binning.
 * Cost: O(n log n + m log m) for the two sorts, then O(n + m).
 *
 * @throws {RangeError} when a sample is empty or holds NaN.
 * @example populationStabilityIndex([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) // 0
 */
export function populationStabilityIndex(baseline: ArrayLike<number>, current: ArrayLike<number>): number {
  const sortedBaseline = toSortedFloat64Array(baseline, 'baseline');
  const sortedCurrent = toSortedFloat64Array(current, 'current');
  const deciles = DECILES.map((q) => linearQuantile(sortedBaseline, q)).sort((a, b) => a - b);
  const edges = deciles.filter((edge, index) => index === 0 || edge !== deciles[index - 1]);
  const baselineCounts = binCounts(sortedBaseline, edges);
  const currentCounts = binCounts(sortedCurrent, edges);
  const terms = baselineCounts.map((baselineCount, bin) => {
    const p = Math.max(baselineCount / sortedBaseline.length, SHARE_FLOOR);
    const q = Math.max(currentCounts[bin] / sortedCurrent.length, SHARE_FLOOR);
    return (q - p) * Math.log(q / p);
  });
  return numpySum(terms);
}
