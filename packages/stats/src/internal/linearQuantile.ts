/**
 * Quantile of a sorted sample by NumPy's default `linear` method (R type 7), including NumPy 1.24's lerp.
 *
 * h = (n-1)q, lo = floor(h), t = h - lo; the value is b[lo] + t (b[lo+1] - b[lo]) for t < 0.5 and
 * b[lo+1] - (b[lo+1] - b[lo])(1 - t) otherwise, which can differ from the textbook formula in
 * the last bit and so decide which bin a tied value falls in. Reference:
 * https://numpy.org/doc/1.24/reference/generated/numpy.quantile.html. Cost O(1).
 *
 * @throws never; `sorted` must be non-empty and ascending, q in [0, 1].
 * @example linearQuantile(Float64Array.of(1, 2, 3, 4), 0.5) // 2.5
 */
export function linearQuantile(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  const virtualIndex = (n - 1) * q;
  if (virtualIndex >= n - 1) return sorted[n - 1];
  const lower = Math.floor(virtualIndex);
  const t = virtualIndex - lower;
  const below = sorted[lower];
  const above = sorted[lower + 1];
  const difference = above - below;
  return t >= 0.5 ? above - difference * (1 - t) : below + difference * t;
}
