import { kolmogorovDurbinMatrixCdf } from './internal/kolmogorovDurbinMatrix.js';
import { kolmogorovPelzGoodCdf } from './internal/kolmogorovPelzGood.js';
import { kolmogorovPomeranzCdf } from './internal/kolmogorovPomeranz.js';
import { smirnovSf } from './internal/smirnovSf.js';

const LOG_TWO_PI = Math.log(2 * Math.PI);
const STIRLING_COEFFICIENTS = [
  -0.029550653594771242, 0.00641025641025641, -0.0019175269175269176, 0.0008417508417508417, -0.0005952380952380953,
  0.0007936507936507937, -0.002777777777777778, 0.08333333333333333,
];

function clipProbability(probability: number): number {
  return Math.min(Math.max(probability, 0), 1);
}

/** log(n! / n^n) by Stirling's series, with n log n removed up front to avoid cancellation. */
function logFactorialOverPower(n: number): number {
  const reciprocal = 1 / n;
  let series = 0;
  for (const coefficient of STIRLING_COEFFICIENTS) series = series * (reciprocal / n) + coefficient;
  return Math.log(n) / 2 - n + LOG_TWO_PI / 2 + reciprocal * series;
}

/** Simard and L'Ecuyer's choice of method for P(D_n > x), as SciPy's `_kolmogn(n, x, cdf=False)`. */
function kolmogorovSurvival(n: number, x: number): number {
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    let cdf: number;
    if (n <= 140) {
      cdf = 1;
      for (let i = 1; i <= n; i += 1) cdf *= i * (1 / n) * (2 * t - 1);
    } else {
      cdf = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    }
    return clipProbability(1 - cdf);
  }
  if (t >= n - 1) return clipProbability(2 * (1 - x) ** n);
  if (x >= 0.5) return clipProbability(2 * smirnovSf(n, x));
  const nxSquared = t * x;
  if (n <= 140) {
    if (nxSquared <= 0.754693) return clipProbability(1 - kolmogorovDurbinMatrixCdf(n, x));
    if (nxSquared <= 4) return clipProbability(1 - kolmogorovPomeranzCdf(n, x));
    return clipProbability(2 * smirnovSf(n, x));
  }
  if (nxSquared >= 370) return 0;
  if (nxSquared >= 2.2) return clipProbability(2 * smirnovSf(n, x));
  const cdf = n <= 100000 && n * x ** 1.5 <= 1.4 ? kolmogorovDurbinMatrixCdf(n, x) : kolmogorovPelzGoodCdf(n, x);
  return clipProbability(1 - cdf);
}

/**
 * Survival function P(D_n > d) of the exact one-sample two-sided KS statistic, as `scipy.stats.kstwo.sf(d, n)`.
 *
 * The asymptotic two-sided p-value of `ks2Sample` is kstwo.sf(D, round(n1 n2/(n1+n2))). Like
 * SciPy's `kolmogn` it follows Simard and L'Ecuyer: Ruben-Gambino closed forms at the ends,
 * Durbin's matrix or Pomeranz's recursion for small n, the Pelz-Good expansion for large n,
 * and 2 x Smirnov's one-sided tail where the two one-sided events cannot both happen.
 * Outside the support: d <= 0.5/n gives 1, d >= 1 gives 0; a non-integer n or n < 1 gives NaN.
 *
 * References: Simard, L'Ecuyer (2011), "Computing the Two-Sided Kolmogorov-Smirnov
 * Distribution", J. Stat. Softw. 39(11), https://doi.org/10.18637/jss.v039.i11;
 * https://github.com/scipy/scipy/blob/v1.10.1/scipy/stats/_ksstats.py.
 * Cost: O(1) to O(n) for the series, O(k^3 log n) (k = ceil(n d)) for Durbin's matrix when n*d^2 is small.
 *
 * @throws never; invalid arguments give NaN as in SciPy.
 * @example kstwoSf(0.3, 20) // 0.04306706665851623
 */
export function kstwoSf(d: number, n: number): number {
  if (Number.isNaN(d) || !Number.isFinite(n) || n < 1 || n !== Math.round(n)) return Number.NaN;
  if (d <= 0.5 / n) return 1;
  if (d >= 1) return 0;
  return kolmogorovSurvival(n, d);
}
