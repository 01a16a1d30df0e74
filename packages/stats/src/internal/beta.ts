import { cephesConstants } from './cephesConstants.js';
import { gamma } from './gamma.js';
import { logGamma } from './logGamma.js';

const MAX_GAMMA_ARGUMENT = 171.6243769563027;

/**
 * Beta function B(a, b) = Γ(a)Γ(b)/Γ(a+b) for a, b > 0, ported from Cephes `beta` (scipy/special/cephes/beta.c).
 *
 * Only the positive-argument branches are ported: SciPy's binomial coefficient, the one caller,
 * always passes a, b >= 1. Large arguments go through log Γ, so the result can underflow to 0 or
 * overflow to Infinity exactly where SciPy's does. Reference: https://www.netlib.org/cephes/.
 * Cost O(1).
 *
 * @throws never.
 * @example beta(2, 3) // 0.08333333333333333
 */
export function beta(a: number, b: number): number {
  let larger = a;
  let smaller = b;
  if (Math.abs(larger) < Math.abs(smaller)) {
    larger = b;
    smaller = a;
  }
  if (Math.abs(larger) > 1e6 * Math.abs(smaller) && larger > 1e6) {
    const logValue =
      logGamma(smaller) -
      smaller * Math.log(larger) +
      (smaller * (1 - smaller)) / (2 * larger) +
      (smaller * (1 - smaller) * (1 - 2 * smaller)) / (12 * larger * larger) -
      (smaller * smaller * (1 - smaller) * (1 - smaller)) / (12 * larger * larger * larger);
    return Math.exp(logValue);
  }
  const sum = larger + smaller;
  if (Math.abs(sum) > MAX_GAMMA_ARGUMENT || Math.abs(larger) > MAX_GAMMA_ARGUMENT) {
    const logValue = logGamma(larger) + (logGamma(smaller) - logGamma(sum));
    if (logValue > cephesConstants.maxLog) return Number.POSITIVE_INFINITY;
    return Math.exp(logValue);
  }
  const gammaSum = gamma(sum);
  const gammaLarger = gamma(larger);
  const gammaSmaller = gamma(smaller);
  if (gammaSum === 0) return Number.POSITIVE_INFINITY;
  if (Math.abs(Math.abs(gammaLarger) - Math.abs(gammaSum)) > Math.abs(Math.abs(gammaSmaller) - Math.abs(gammaSum))) {
    return (gammaSmaller / gammaSum) * gammaLarger;
  }
  return (gammaLarger / gammaSum) * gammaSmaller;
}
