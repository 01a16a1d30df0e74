/**
 * Computes x * 2^exponent without the intermediate power overflowing, like C's `ldexp`.
 *
 * The Durbin and Pomeranz recursions keep a separate binary exponent (a multiple of 128) to
 * stay in range; undoing it in one step could overflow 2^exponent even when the product is
 * representable. Cost O(|exponent| / 1000).
 *
 * @throws never.
 * @example ldexp(0.75, 2) // 3
 */
export function ldexp(x: number, exponent: number): number {
  let value = x;
  let remaining = exponent;
  while (remaining > 1000) {
    value *= 2 ** 1000;
    remaining -= 1000;
  }
  while (remaining < -1000) {
    value *= 2 ** -1000;
    remaining += 1000;
  }
  return value * 2 ** remaining;
}
