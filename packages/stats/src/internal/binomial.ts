import { beta } from './beta.js';

/**
 * Binomial coefficient C(n, k) for real n >= 0 and k >= 0, as SciPy's `scipy.special.binom` computes it.
 *
 * The exact one-sided KS path count must overflow (and so fall back to the asymptotic p-value)
 * exactly where SciPy's does, so this follows SciPy's orthogonal_eval.pxd: a product formula
 * for integer k < 20 (after using the symmetry C(n, k) = C(n, n-k)) and 1/((n+1) B(n-k+1, k+1))
 * otherwise. Reference: https://github.com/scipy/scipy/blob/v1.10.1/scipy/special/orthogonal_eval.pxd.
 * Cost O(min(k, 20)).
 *
 * @throws never; the result is Infinity where the double range is exceeded.
 * @example binomial(10, 3) // 120
 */
export function binomial(n: number, k: number): number {
  let reducedK = Math.floor(k);
  if (k === reducedK && (Math.abs(n) > 1e-8 || n === 0)) {
    const floorN = Math.floor(n);
    if (floorN === n && reducedK > floorN / 2 && floorN > 0) reducedK = floorN - reducedK;
    if (reducedK >= 0 && reducedK < 20) {
      let numerator = 1;
      let denominator = 1;
      for (let index = 1; index <= reducedK; index += 1) {
        numerator *= index + n - reducedK;
        denominator *= index;
        if (Math.abs(numerator) > 1e50) {
          numerator /= denominator;
          denominator = 1;
        }
      }
      return numerator / denominator;
    }
  }
  return 1 / (n + 1) / beta(1 + n - k, 1 + k);
}
