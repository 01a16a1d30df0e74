import { numpySum } from './internal/numpySum.js';
import { toSortedFloat64Array } from './internal/toSortedFloat64Array.js';

/**
 * First Wasserstein (earth mover's) distance between two samples, as SciPy 1.1's `scipy.stats.wasserstein_distance` unweighted.
 *
 * How far, in the feature's own units, the current distribution must move to become the
 * baseline: the integral of |U(t) - V(t)| of the two empirical CDFs. Both samples are sorted,
 * merged, and the area summed over the gaps between consecutive pooled values, in NumPy's
 * summation order.
 *
 * Reference: https://docs.scipy.org/doc/scipy-1.10.1/reference/generated/scipy.stats.wasserstein_distance.html;
 * Ramdas, Garcia, Cuturi (2017), "On Wasserstein two sample testing", Entropy 19(2), 47.
 * Cost: O(n log n + m log m) for the sorts, then O(n + m).
 *
 * @throws {RangeError} when a sample is empty or holds NaN.
 * @example wassersteinDistance([0, 1, 3], [5, 6, 8]) // 5
 */
export function wassersteinDistance(u: ArrayLike<number>, v: ArrayLike<number>): number {
  const sortedU = toSortedFloat64Array(u, 'u');
  const sortedV = toSortedFloat64Array(v, 'v');
  const nU = sortedU.length;
  const nV = sortedV.length;
  const total = nU + nV;
  const pooled = new Float64Array(total);
  for (let i = 0, j = 0, k = 0; k < total; k += 1) {
    pooled[k] = j >= nV || (i < nU && sortedU[i] <= sortedV[j]) ? sortedU[i++] : sortedV[j++];
  }
  const areas = new Float64Array(total - 1);
  let countU = 0;
  let countV = 0;
  for (let k = 0; k < total - 1; k += 1) {
    const value = pooled[k];
    while (countU < nU && sortedU[countU] <= value) countU += 1;
    while (countV < nV && sortedV[countV] <= value) countV += 1;
    areas[k] = Math.abs(countU / nU - countV / nV) * (pooled[k + 1] - value);
  }
  return numpySum(areas);
}
