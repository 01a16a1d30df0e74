import { ratevl } from './polynomial.js';

const SUM_EXPG_SCALED_NUMERATOR = [
  0.006061842346248907, 0.5098416655656676, 19.519927882476175, 449.9445569063168, 6955.999602515376, 75999.29304014542,
  601859.6171681099, 3481712.154980646, 14605578.087685067, 43338889.32467614, 86363131.2881386, 103794043.11634454,
  56906521.913471565,
];
const SUM_EXPG_SCALED_DENOMINATOR = [
  1, 66, 1925, 32670, 357423, 2637558, 13339535, 45995730, 105258076, 150917976, 120543840, 39916800, 0,
];

/** The Lanczos constant g of the N=13 approximation SciPy uses (Boost's lanczos13m53). */
export const lanczosG = 6.02468004077673;

/**
 * Lanczos sum scaled by exp(g), for x^a e^-x / Γ(a) without overflow (SciPy's `lanczos_sum_expg_scaled`).
 *
 * Reference: https://www.boost.org/doc/libs/1_61_0/libs/math/doc/html/math_toolkit/lanczos.html.
 * Cost O(1).
 *
 * @throws never.
 * @example lanczosSumExpgScaled(1) > 0 // true
 */
export function lanczosSumExpgScaled(x: number): number {
  return ratevl(x, SUM_EXPG_SCALED_NUMERATOR, 12, SUM_EXPG_SCALED_DENOMINATOR, 12);
}
