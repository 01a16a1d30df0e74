/**
 * Exact P(D_{n,n} >= h/n) for two samples of equal size n, ported from SciPy's `_compute_prob_outside_square`.
 *
 * The alternating sum 2 Σ (-1)^(k+1) C(2n, n-kh)/C(2n, n) is evaluated Horner-style with each
 * ratio of binomials built from h simple factors, exactly as SciPy does, so the same rounding
 * (occasionally a result a hair above 1, which makes `ks2Sample` fall back to the asymptotic
 * p-value like SciPy) appears here too. Reference: Hodges (1958), Ark. Mat. 3, 469-486;
 * https://github.com/scipy/scipy/blob/v1.10.1/scipy/stats/_stats_py.py. Cost O(n).
 *
 * @throws never; requires n > 0 and 0 < h <= n.
 * @example probOutsideSquare(5, 5) // 0.007936507936507936
 */
export function probOutsideSquare(n: number, h: number): number {
  let probability = 0;
  for (let k = Math.floor(n / h); k >= 0; k -= 1) {
    let ratio = 1;
    for (let j = 0; j < h; j += 1) ratio = ((n - k * h - j) * ratio) / (n + k * h + j + 1);
    probability = ratio * (1 - probability);
  }
  return 2 * probability;
}
