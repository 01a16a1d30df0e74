import { binomial } from './binomial.js';
import { countPathsOutside } from './countPathsOutside.js';
import { outerProbInside } from './outerProbInside.js';
import { probOutsideSquare } from './probOutsideSquare.js';
import { roundHalfEven } from './roundHalfEven.js';

/** Outcome of one exact two-sample KS attempt. */
export interface ExactKsAttempt {
  /** false when the computation overflowed or left [0, 1]; the caller then uses the asymptotic p-value. */
  readonly succeeded: boolean;
  /** D snapped to the lattice: round(D * lcm) / lcm, as SciPy reports it whenever it tries the exact path. */
  readonly statistic: number;
  /** The exact p-value when `succeeded`, otherwise NaN or the out-of-range value. */
  readonly pValue: number;
}

/**
 * Tries the exact two-sample KS p-value as SciPy 1.1's `_attempt_exact_2kssamp` does.
 *
 * D is first snapped to round(D*lcm)/lcm (NumPy rounding). Two-sided: the equal-size alternating
 * sum or the inside-band path count. One-sided: a product formula for equal sizes, otherwise the
 * outside path count divided by C(n1+n2, n1), which fails when it overflows or exceeds that total.
 * Reference: https://github.com/scipy/scipy/blob/v1.10.1/scipy/stats/_stats_py.py.
 * Cost O(n) for equal sizes, up to O(n1*n2) otherwise.
 *
 * @throws never.
 * @example attemptExactKs2Sample(5, 5, 5, 1, 'two-sided') // { succeeded: true, statistic: 1, pValue: 0.007936507936507936 }
 */
export function attemptExactKs2Sample(
  n1: number,
  n2: number,
  g: number,
  d: number,
  alternative: 'two-sided' | 'less' | 'greater',
): ExactKsAttempt {
  const lcm = (n1 / g) * n2;
  const h = roundHalfEven(d * lcm);
  const statistic = h / lcm;
  if (h === 0) return { succeeded: true, statistic, pValue: 1 };
  let pValue: number;
  if (alternative === 'two-sided') {
    pValue = n1 === n2 ? probOutsideSquare(n1, h) : outerProbInside(n1, n2, g, h);
  } else if (n1 === n2) {
    pValue = 1;
    for (let j = 0; j < h; j += 1) pValue *= (n1 - j) / (n1 + j + 1);
  } else {
    const paths = countPathsOutside(n1, n2, g, h);
    const allPaths = binomial(n1 + n2, n1);
    if (!Number.isFinite(paths) || !Number.isFinite(allPaths) || paths > allPaths) {
      return { succeeded: false, statistic, pValue: Number.NaN };
    }
    pValue = paths / allPaths;
  }
  if (!(pValue >= 0 && pValue <= 1)) return { succeeded: false, statistic, pValue };
  return { succeeded: true, statistic, pValue };
}
