/**
 * Exact two-sided P(D_{m,n} >= h/lcm(m,n)) for unequal sample sizes, ported from SciPy's `_compute_outer_prob_inside_method`.
 *
 * Counts lattice paths that stay strictly inside the band |x/m - y/n| < h/lcm, keeping one
 * sliding column and computing 1 - p directly (Viehmann's stable recursion), as SciPy 1.1 does.
 * References: Hodges (1958), Ark. Mat. 3, 469-486; Viehmann, arXiv:2102.08037;
 * https://github.com/scipy/scipy/blob/v1.10.1/scipy/stats/_stats_pythran.py.
 * Cost O(max(m,n) * band width), at most O(m*n).
 *
 * @throws never; requires m, n > 0, g = gcd(m, n) and 0 < h <= lcm(m, n).
 * @example outerProbInside(3, 4, 1, 12) // 0.05714285714285715
 */
export function outerProbInside(m: number, n: number, g: number, h: number): number {
  if (m < n) [m, n] = [n, m];
  const mg = m / g;
  const ng = n / g;
  let minJ = 0;
  let maxJ = Math.min(Math.ceil(h / mg), n + 1);
  let currentLength = maxJ - minJ;
  const column = new Float64Array(Math.min(2 * maxJ + 2, n + 1)).fill(1);
  column.fill(0, minJ, maxJ);
  for (let i = 1; i <= m; i += 1) {
    const lastMinJ = minJ;
    const lastLength = currentLength;
    minJ = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxJ = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxJ <= minJ) return 1;
    let value = minJ === 0 ? 0 : 1;
    for (let jj = 0; jj < maxJ - minJ; jj += 1) {
      const j = jj + minJ;
      value = (column[jj + minJ - lastMinJ] * i + value * j) / (i + j);
      column[jj] = value;
    }
    currentLength = maxJ - minJ;
    if (lastLength > currentLength) column.fill(1, maxJ - minJ, maxJ - minJ + (lastLength - currentLength));
  }
  return column[maxJ - minJ - 1];
}
