/**
 * Checks that a value is a non-empty array-like of finite, non-negative numbers, as count and probability inputs must be.
 *
 * Bad input gets a `RangeError` naming the argument and the index instead of a NaN deep in a sum.
 * Cost O(n).
 *
 * @throws {RangeError} when the value is not an array-like, is empty, or holds a negative, NaN or infinite number.
 * @example checkNonNegativeNumbers([1, 2], 'observed') // undefined (no error)
 */
export function checkNonNegativeNumbers(values: ArrayLike<number>, name: string): void {
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw new RangeError(`${name} must be an array of numbers`);
  }
  if (values.length === 0) throw new RangeError(`${name} must not be empty`);
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`${name}[${index}] must be a finite number >= 0; got ${String(value)}`);
    }
  }
}
