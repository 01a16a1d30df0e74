import { polevl } from './polynomial.js';

const GAMMA_P = [
  0.00016011952247675185, 0.0011913514700658638, 0.010421379756176158, 0.04763678004571372, 0.20744822764843598,
  0.4942148268014971, 1,
];
const GAMMA_Q = [
  -0.000023158187332412014, 0.0005396055804933034, -0.004456419138517973, 0.011813978522206043, 0.035823639860549865,
  -0.23459179571824335, 0.0714304917030273, 1,
];
const STIRLING = [
  0.0007873113957930937, -0.00022954996161337813, -0.0026813261780578124, 0.0034722222160545866, 0.08333333333334822,
];
const MAX_GAMMA_ARGUMENT = 171.6243769563027;
const MAX_STIRLING_ARGUMENT = 143.01608;
const SQRT_TWO_PI = 2.5066282746310007;

function stirlingGamma(x: number): number {
  if (x >= MAX_GAMMA_ARGUMENT) return Number.POSITIVE_INFINITY;
  let w = 1 / x;
  w = 1 + w * polevl(w, STIRLING, 4);
  let y = Math.exp(x);
  if (x > MAX_STIRLING_ARGUMENT) {
    const v = x ** (0.5 * x - 0.25);
    y = v * (v / y);
  } else {
    y = x ** (x - 0.5) / y;
  }
  return SQRT_TWO_PI * y * w;
}

/**
 * Gamma function Γ(x), ported from Cephes `Gamma` (scipy/special/cephes/gamma.c).
 *
 * Needed by the beta function behind SciPy's binomial coefficient, which decides when an exact
 * KS path count overflows. Recurrence to [2, 3] and a rational approximation there; Stirling's
 * formula above 33. Reference: https://www.netlib.org/cephes/. Cost O(|x|) below 33, O(1) above.
 *
 * @throws never; poles give Infinity as in Cephes.
 * @example gamma(5) // 24
 */
export function gamma(x: number): number {
  if (!Number.isFinite(x)) return x;
  const absX = Math.abs(x);
  if (absX > 33) {
    if (x < 0) {
      let p = Math.floor(absX);
      if (p === absX) return Number.POSITIVE_INFINITY;
      const sign = p % 2 === 0 ? -1 : 1;
      let z = absX - p;
      if (z > 0.5) {
        p += 1;
        z = absX - p;
      }
      z = absX * Math.sin(Math.PI * z);
      if (z === 0) return sign * Number.POSITIVE_INFINITY;
      return (sign * Math.PI) / (Math.abs(z) * stirlingGamma(absX));
    }
    return stirlingGamma(x);
  }
  let z = 1;
  while (x >= 3) {
    x -= 1;
    z *= x;
  }
  while (x < 0) {
    if (x > -1e-9) return smallArgument(x, z);
    z /= x;
    x += 1;
  }
  while (x < 2) {
    if (x < 1e-9) return smallArgument(x, z);
    z /= x;
    x += 1;
  }
  if (x === 2) return z;
  x -= 2;
  return (z * polevl(x, GAMMA_P, 6)) / polevl(x, GAMMA_Q, 7);
}

function smallArgument(x: number, z: number): number {
  if (x === 0) return Number.POSITIVE_INFINITY;
  return z / ((1 + 0.5772156649015329 * x) * x);
}
