const KOLMOGOROV_CUTOVER = 0.82;
const MIN_EXPABLE = -708 - 38;

/**
 * Survival function of the Kolmogorov distribution (the limit of sqrt(n) D_n), as `scipy.stats.kstwobign.sf(x)`.
 *
 * Evaluates Kolmogorov's series 2 Σ (-1)^(k-1) exp(-2k²x²) for x > 0.82 and the Jacobi theta
 * form sqrt(2π)/x Σ exp(-(2k-1)²π²/(8x²)) below, each unrolled to the four or three terms double
 * precision needs, as SciPy's Cephes `kolmogorov` does; tails stay relatively accurate down to
 * about 1e-300. x <= 0 gives 1, Infinity gives 0, NaN gives NaN.
 * References: Kolmogorov (1933); van Mulbregt, arXiv:1803.00426;
 * https://github.com/scipy/scipy/blob/v1.10.1/scipy/special/cephes/kolmogorov.c.
 * Cost: O(1).
 *
 * @throws never.
 * @example kstwobignSf(1) // 0.26999967167735456
 */
export function kstwobignSf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 1;
  if (x <= Math.PI / Math.sqrt(-MIN_EXPABLE * 8)) return 1;
  let sf: number;
  if (x <= KOLMOGOROV_CUTOVER) {
    const w = Math.sqrt(2 * Math.PI) / x;
    const logU8 = (-Math.PI * Math.PI) / (x * x);
    const u = Math.exp(logU8 / 8);
    let cdf: number;
    if (u === 0) {
      cdf = Math.exp(logU8 / 8 + Math.log(w));
    } else {
      const u8 = Math.exp(logU8);
      const u8Cubed = u8 ** 3;
      let p = 1;
      p = 1 + u8Cubed * p;
      p = 1 + u8 * u8 * p;
      p = 1 + u8 * p;
      cdf = w * u * p;
    }
    sf = 1 - cdf;
  } else {
    const v = Math.exp(-2 * x * x);
    const vSquared = v * v;
    const vCubed = v ** 3;
    let p = 1;
    p = 1 - vCubed * vCubed * v * p;
    p = 1 - vCubed * vSquared * p;
    p = 1 - vCubed * p;
    sf = 2 * v * p;
  }
  return Math.min(Math.max(sf, 0), 1);
}
