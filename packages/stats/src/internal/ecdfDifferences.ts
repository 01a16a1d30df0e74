/** The extreme differences between two empirical CDFs, as SciPy's `ks_2samp` computes them. */
export interface EcdfDifferences {
  /** max over the pooled values of F1 - F2 (the `greater` statistic), never negative. */
  readonly maxOneMinusTwo: number;
  /** max over the pooled values of F2 - F1 (the `less` statistic), clipped to [0, 1]. */
  readonly maxTwoMinusOne: number;
}

/**
 * Largest positive and negative gaps between the right-continuous ECDFs of two sorted samples.
 *
 * One merge walk over both samples instead of SciPy's two binary searches per pooled value;
 * each gap is evaluated as `i/n1 - j/n2`, the same floating-point expression SciPy evaluates,
 * so the statistics agree bit for bit. Cost O(n1 + n2).
 *
 * @throws never; both inputs must be sorted ascending and non-empty.
 * @example ecdfDifferences(Float64Array.of(1, 2), Float64Array.of(3)) // { maxOneMinusTwo: 1, maxTwoMinusOne: 0 }
 */
export function ecdfDifferences(sortedFirst: Float64Array, sortedSecond: Float64Array): EcdfDifferences {
  const n1 = sortedFirst.length;
  const n2 = sortedSecond.length;
  let i = 0;
  let j = 0;
  let maxDifference = Number.NEGATIVE_INFINITY;
  let minDifference = Number.POSITIVE_INFINITY;
  while (i < n1 || j < n2) {
    const value = j >= n2 || (i < n1 && sortedFirst[i] <= sortedSecond[j]) ? sortedFirst[i] : sortedSecond[j];
    while (i < n1 && sortedFirst[i] <= value) i += 1;
    while (j < n2 && sortedSecond[j] <= value) j += 1;
    const difference = i / n1 - j / n2;
    if (difference > maxDifference) maxDifference = difference;
    if (difference < minDifference) minDifference = difference;
  }
  return { maxOneMinusTwo: maxDifference, maxTwoMinusOne: Math.min(Math.max(-minDifference, 0), 1) };
}
