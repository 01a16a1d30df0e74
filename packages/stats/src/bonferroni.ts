import { checkPValues } from './internal/checkPValues.js';

/**
 * Bonferroni adjusted p-values: each p-value times the number of tests, capped at 1.
 *
 * Controls the family-wise error rate (any false alarm at all) across many per-feature tests;
 * stricter than {@link benjaminiHochberg}. The same as R's `p.adjust(p, "bonferroni")`.
 *
 * Reference: Dunn (1961), "Multiple Comparisons Among Means", J. Am. Stat. Assoc. 56(293), 52-64.
 * Cost: O(m) for m p-values.
 *
 * @throws {RangeError} when a p-value is not a number in [0, 1].
 * @example bonferroni([0.01, 0.04, 0.3]) // [0.03, 0.12, 0.8999999999999999]
 */
export function bonferroni(pValues: number[]): number[] {
  checkPValues(pValues);
  return pValues.map((pValue) => Math.min(pValue * pValues.length, 1));
}
