import { attemptExactKs2Sample } from './internal/attemptExactKs2Sample.js';
import { ecdfDifferences } from './internal/ecdfDifferences.js';
import { roundHalfEven } from './internal/roundHalfEven.js';
import { toSortedFloat64Array } from './internal/toSortedFloat64Array.js';
import { kstwoSf } from './kstwoSf.js';

/** Which way the two-sample KS test looks; `greater` tests F1 > F2 somewhere (D = max(F1 - F2)). */
export type KsAlternative = 'two-sided' | 'less' | 'greater';

/** How the p-value is computed: `auto` is exact when the larger sample has at most 10 000 values. */
export type KsMethod = 'auto' | 'exact' | 'asymp';

/** Options of {@link ks2Sample}, with SciPy's defaults. */
export interface Ks2SampleOptions {
  /** Defaults to `two-sided`. */
  readonly alternative?: KsAlternative;
  /** Defaults to `auto`. */
  readonly method?: KsMethod;
}

/** Result of {@link ks2Sample}. */
export interface Ks2SampleResult {
  /** The KS statistic D; snapped to round(D lcm)/lcm whenever the exact path was attempted, as SciPy reports it. */
  readonly statistic: number;
  /** The p-value in [0, 1], or NaN where SciPy returns NaN (asymptotic two-sided with n1 = n2 = 1). */
  readonly pValue: number;
  /** The method actually used: an exact attempt that overflows or leaves [0, 1] falls back to `asymp`. */
  readonly method: 'exact' | 'asymp';
}

const MAX_AUTO_EXACT_SIZE = 10000;
const INT32_MAX = 2147483647;
const ALTERNATIVES: readonly KsAlternative[] = ['two-sided', 'less', 'greater'];
const METHODS: readonly KsMethod[] = ['auto', 'exact', 'asymp'];

function greatestCommonDivisor(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * Two-sample Kolmogorov-Smirnov test, with the semantics of SciPy 1.1's `scipy.stats.ks_2samp`.
 *
 * Tests whether two samples come from the same continuous distribution; the drift monitor's
 * per-feature test for numeric columns. D is the largest gap between the two right-continuous
 * empirical CDFs. The exact p-value counts lattice paths (Hodges 1958); `auto` tries it when
 * max(n1, n2) <= 10 000, and it falls back to the asymptotic p-value when the count overflows
 * or rounds outside [0, 1], reporting the method actually used. The asymptotic two-sided
 * p-value is kstwo.sf(D, round(n1 n2/(n1+n2))) with NumPy's round-half-to-even; one-sided it is
 * Hodges' eq. 5.3. Each sample is copied into a Float64Array and sorted once; the statistic is
 * a single merge walk. Unlike SciPy 1.1, which silently sorts NaN last, NaN is rejected.
 *
 * References: https://docs.scipy.org/doc/scipy-1.10.1/reference/generated/scipy.stats.ks_2samp.html;
 * Hodges, J.L. (1958), "The significance probability of the Smirnov two-sample test", Ark. Mat. 3, 469-486.
 * Cost: O(n log n) to sort plus O(n) for D (n = n1 + n2); the exact p-value adds O(n) for equal
 * sizes and up to O(n1 n2) otherwise (only where SciPy also computes it); asymptotic p-values are O(1) to O(n).
 *
 * @throws {RangeError} when a sample is empty or holds NaN, or an option is not one of the allowed values.
 * @example ks2Sample([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]) // { statistic: 1, pValue: 0.007936507936507936, method: 'exact' }
 */
export function ks2Sample(x: ArrayLike<number>, y: ArrayLike<number>, options: Ks2SampleOptions = {}): Ks2SampleResult {
  const alternative = options.alternative ?? 'two-sided';
  const requestedMethod = options.method ?? 'auto';
  if (!ALTERNATIVES.includes(alternative)) {
    throw new RangeError(`options.alternative must be one of ${ALTERNATIVES.join(', ')}; got ${String(alternative)}`);
  }
  if (!METHODS.includes(requestedMethod)) {
    throw new RangeError(`options.method must be one of ${METHODS.join(', ')}; got ${String(requestedMethod)}`);
  }
  const first = toSortedFloat64Array(x, 'x');
  const second = toSortedFloat64Array(y, 'y');
  const n1 = first.length;
  const n2 = second.length;
  const { maxOneMinusTwo, maxTwoMinusOne } = ecdfDifferences(first, second);
  let statistic =
    alternative === 'less' || (alternative === 'two-sided' && maxTwoMinusOne > maxOneMinusTwo)
      ? maxTwoMinusOne
      : maxOneMinusTwo;

  const g = greatestCommonDivisor(n1, n2);
  let method: 'exact' | 'asymp' = 'asymp';
  if (requestedMethod === 'auto') method = Math.max(n1, n2) <= MAX_AUTO_EXACT_SIZE ? 'exact' : 'asymp';
  else if (requestedMethod === 'exact') method = n1 / g >= INT32_MAX / (n2 / g) ? 'asymp' : 'exact';

  if (method === 'exact') {
    const attempt = attemptExactKs2Sample(n1, n2, g, statistic, alternative);
    statistic = attempt.statistic;
    if (attempt.succeeded) return { statistic, pValue: attempt.pValue, method };
    method = 'asymp';
  }
  const larger = Math.max(n1, n2);
  const smaller = Math.min(n1, n2);
  const effectiveSize = (larger * smaller) / (larger + smaller);
  let pValue: number;
  if (alternative === 'two-sided') {
    pValue = kstwoSf(statistic, roundHalfEven(effectiveSize));
  } else {
    const z = Math.sqrt(effectiveSize) * statistic;
    const exponent =
      -2 * z ** 2 - (2 * z * (larger + 2 * smaller)) / Math.sqrt(larger * smaller * (larger + smaller)) / 3;
    pValue = Math.exp(exponent);
  }
  return { statistic, pValue: Number.isNaN(pValue) ? pValue : Math.min(Math.max(pValue, 0), 1), method };
}
