import { cephesConstants } from './cephesConstants.js';
import { logGamma } from './logGamma.js';

/** ζ(n) for n = 2..41, the values SciPy's `zeta(n, 1)` returns, used by the Taylor series of log Γ(1 + x). */
const ZETA_FROM_2 = [
  1.6449340668482266, 1.202056903159594, 1.0823232337111381, 1.0369277551433704, 1.0173430619844488, 1.008349277381923,
  1.0040773561979446, 1.0020083928260826, 1.0009945751278182, 1.0004941886041194, 1.0002460865533078,
  1.0001227133475785, 1.0000612481350586, 1.0000305882363072, 1.0000152822594084, 1.0000076371976376, 1.000003817293265,
  1.0000019082127163, 1.0000009539620338, 1.0000004769329867, 1.0000002384505027, 1.000000119219926, 1.000000059608189,
  1.0000000298035034, 1.0000000149015549, 1.0000000074507118, 1.000000003725334, 1.0000000018626598, 1.0000000009313275,
  1.0000000004656628, 1.000000000232831, 1.0000000001164155, 1.0000000000582077, 1.0000000000291038, 1.000000000014552,
  1.000000000007276, 1.000000000003638, 1.000000000001819, 1.0000000000009095, 1.0000000000004547,
];

function logGamma1pTaylor(x: number): number {
  if (x === 0) return 0;
  let result = -cephesConstants.euler * x;
  let power = -x;
  for (let n = 2; n < 42; n += 1) {
    power *= -x;
    const term = (ZETA_FROM_2[n - 2] * power) / n;
    result += term;
    if (Math.abs(term) < cephesConstants.machineEpsilon * Math.abs(result)) break;
  }
  return result;
}

/**
 * log Γ(1 + x), accurate near x = 0 and x = 1, ported from SciPy's Cephes `lgam1p` (unity.c).
 *
 * The small-argument series of the upper incomplete gamma function needs it to avoid
 * cancellation. Reference: https://github.com/scipy/scipy/blob/v1.10.1/scipy/special/cephes/unity.c.
 * Cost O(1).
 *
 * @throws never.
 * @example logGamma1p(1) // 0
 */
export function logGamma1p(x: number): number {
  if (Math.abs(x) <= 0.5) return logGamma1pTaylor(x);
  if (Math.abs(x - 1) < 0.5) return Math.log(x) + logGamma1pTaylor(x - 1);
  return logGamma(x + 1);
}
