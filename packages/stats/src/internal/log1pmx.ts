import { cephesConstants } from './cephesConstants.js';

/**
 * log(1 + x) - x without cancellation near 0, ported from SciPy's Cephes `log1pmx` (unity.c).
 *
 * Used by the uniform asymptotic expansion of the incomplete gamma function. Reference:
 * https://github.com/scipy/scipy/blob/v1.10.1/scipy/special/cephes/unity.c. Cost O(1) (a
 * series of at most a few dozen terms for |x| < 0.5).
 *
 * @throws never.
 * @example log1pmx(0) // 0
 */
export function log1pmx(x: number): number {
  if (Math.abs(x) < 0.5) {
    let power = x;
    let result = 0;
    for (let n = 2; n < 500; n += 1) {
      power *= -x;
      const term = power / n;
      result += term;
      if (Math.abs(term) < cephesConstants.machineEpsilon * Math.abs(result)) break;
    }
    return result;
  }
  return Math.log1p(x) - x;
}
