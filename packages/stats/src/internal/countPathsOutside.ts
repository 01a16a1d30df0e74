import { binomial } from './binomial.js';

/**
 * Number of lattice paths from (0,0) to (m,n) that reach the line m*y = n*x - h*g, ported from SciPy's `_count_paths_outside_method`.
 *
 * The numerator of the exact one-sided two-sample KS p-value for unequal sizes (Hodges'
 * treatment of Drion/Gnedenko/Korolyuk). The counts are binomial-sized, so they overflow for
 * largish samples: SciPy runs this under `np.errstate(over='raise', invalid='raise')` and falls
 * back to the asymptotic p-value when that happens. Here the first non-finite intermediate value
 * stops the count and `Infinity` is returned, which the caller treats the same way.
 * Reference: Hodges (1958), Ark. Mat. 3, 469-486;
 * https://github.com/scipy/scipy/blob/v1.10.1/scipy/stats/_stats_py.py.
 * Cost O(n^2) binomial evaluations, n the smaller size (far less when it overflows early).
 *
 * @throws never; requires m, n > 0, g = gcd(m, n) and 0 <= h <= lcm(m, n).
 * @example countPathsOutside(3, 2, 1, 2) // 7
 */
export function countPathsOutside(m: number, n: number, g: number, h: number): number {
  if (m < n) [m, n] = [n, m];
  const mg = m / g;
  const ng = n / g;
  const count = n + Math.floor((mg - h) / mg);
  if (count <= 0) return binomial(m + n, n);
  const xj = new Float64Array(count);
  for (let j = 0; j < count; j += 1) xj[j] = Math.floor((h + mg * j + ng - 1) / ng);
  const paths = new Float64Array(count);
  paths[0] = 1;
  for (let j = 1; j < count; j += 1) {
    let pathsToJ = binomial(xj[j] + j, j);
    if (!Number.isFinite(pathsToJ)) return Number.POSITIVE_INFINITY;
    for (let i = 0; i < j; i += 1) {
      pathsToJ -= binomial(xj[j] - xj[i] + j - i, j - i) * paths[i];
      if (!Number.isFinite(pathsToJ)) return Number.POSITIVE_INFINITY;
    }
    paths[j] = pathsToJ;
  }
  let total = 0;
  for (let j = 0; j < count; j += 1) {
    total += paths[j] * binomial(m - xj[j] + (n - j), n - j);
    if (!Number.isFinite(total)) return Number.POSITIVE_INFINITY;
  }
  return total;
}
