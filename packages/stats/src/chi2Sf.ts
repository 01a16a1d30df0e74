import { regularizedGammaUpper } from './internal/regularizedGammaUpper.js';

/**
 * Chi-squared survival function P(X > x) for `df` degrees of freedom, as `scipy.stats.chi2.sf(x, df)`.
 *
 * The p-value of every chi-squared test. It is the regularized upper incomplete gamma function
 * Q(df/2, x/2) (Cephes `igamc`, ported with its series, continued fraction and uniform asymptotic
 * branches), so deep tails such as 1e-300 keep their relative accuracy instead of rounding to 0.
 * Outside the support SciPy's conventions hold: x <= 0 gives 1, x = Infinity gives 0, and
 * df <= 0 or a NaN argument gives NaN.
 *
 * Reference: https://docs.scipy.org/doc/scipy-1.10.1/reference/generated/scipy.stats.chi2.html
 * and https://github.com/scipy/scipy/blob/v1.10.1/scipy/special/cephes/igam.c.
 * Cost: O(1) for fixed precision.
 *
 * @throws never; invalid arguments give NaN as in SciPy.
 * @example chi2Sf(10, 3) // 0.01856613546304325
 */
export function chi2Sf(x: number, df: number): number {
  if (Number.isNaN(x) || Number.isNaN(df) || !(df > 0)) return Number.NaN;
  if (x <= 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  return regularizedGammaUpper(df / 2, x / 2);
}
