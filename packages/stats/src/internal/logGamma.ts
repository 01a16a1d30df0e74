import { p1evl, polevl } from './polynomial.js';

const STIRLING_LOG = [
  0.0008116141674705085, -0.0005950619042843014, 0.0007936503404577169, -0.002777777777300997, 0.08333333333333319,
];
const B = [
  -1378.2515256912086, -38801.631513463784, -331612.9927388712, -1162370.974927623, -1721737.0082083966,
  -853555.6642457654,
];
const C = [
  -351.81570143652345, -17064.210665188115, -220528.59055385445, -1139334.4436798252, -2532523.0717758294,
  -2018891.4143353277,
];
const LOG_PI = 1.1447298858494002;
const LOG_SQRT_TWO_PI = 0.9189385332046728;
const MAX_LOG_GAMMA_ARGUMENT = 2.556348e305;

/**
 * Natural logarithm of |Γ(x)|, ported from Cephes `lgam` (scipy/special/cephes/gamma.c).
 *
 * The regularized incomplete gamma function and the beta function use it for arguments where
 * Γ itself overflows. Reference: https://www.netlib.org/cephes/. Cost O(1) (at most 10
 * recurrence steps).
 *
 * @throws never; poles give Infinity as in Cephes.
 * @example logGamma(10) // 12.801827480081469
 */
export function logGamma(x: number): number {
  if (!Number.isFinite(x)) return x;
  if (x < -34) {
    const q = -x;
    const w = logGamma(q);
    let p = Math.floor(q);
    if (p === q) return Number.POSITIVE_INFINITY;
    let z = q - p;
    if (z > 0.5) {
      p += 1;
      z = p - q;
    }
    z = q * Math.sin(Math.PI * z);
    if (z === 0) return Number.POSITIVE_INFINITY;
    return LOG_PI - Math.log(z) - w;
  }
  if (x < 13) {
    let z = 1;
    let p = 0;
    let u = x;
    while (u >= 3) {
      p -= 1;
      u = x + p;
      z *= u;
    }
    while (u < 2) {
      if (u === 0) return Number.POSITIVE_INFINITY;
      z /= u;
      p += 1;
      u = x + p;
    }
    if (z < 0) z = -z;
    if (u === 2) return Math.log(z);
    p -= 2;
    const shifted = x + p;
    return Math.log(z) + (shifted * polevl(shifted, B, 5)) / p1evl(shifted, C, 6);
  }
  if (x > MAX_LOG_GAMMA_ARGUMENT) return Number.POSITIVE_INFINITY;
  let q = (x - 0.5) * Math.log(x) - x + LOG_SQRT_TWO_PI;
  if (x > 1.0e8) return q;
  const p = 1 / (x * x);
  if (x >= 1000) {
    q += ((0.0007936507936507937 * p - 0.002777777777777778) * p + 0.08333333333333333) / x;
  } else {
    q += polevl(p, STIRLING_LOG, 4) / x;
  }
  return q;
}
