/**
 * Rounds to the nearest integer, ties to even, as NumPy's `np.round` does.
 *
 * SciPy picks the sample size of the asymptotic two-sided KS distribution as
 * `np.round(n1*n2/(n1+n2))`: 2.5 must become 2, where `Math.round` gives 3.
 * Reference: https://numpy.org/doc/1.24/reference/generated/numpy.around.html. Cost O(1).
 *
 * @throws never; NaN and infinities are returned unchanged.
 * @example roundHalfEven(2.5) // 2
 */
export function roundHalfEven(value: number): number {
  if (!Number.isFinite(value)) return value;
  const lower = Math.floor(value);
  const fraction = value - lower;
  if (fraction > 0.5) return lower + 1;
  if (fraction < 0.5) return lower;
  return lower % 2 === 0 ? lower : lower + 1;
}
