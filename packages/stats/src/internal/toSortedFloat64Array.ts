import { radixSortFloat64 } from './radixSortFloat64.js';

/**
 * Copies any array-like of numbers into a new ascending `Float64Array`, checking every value is a number.
 *
 * The two-sample statistics sort each sample once and then walk the sorted copies, so callers
 * may pass plain arrays, typed arrays or array-likes and never see their input reordered.
 * Cost O(n log n).
 *
 * @throws {RangeError} when the sample is empty or holds NaN, naming the argument and the index.
 * @example toSortedFloat64Array([3, 1, 2], 'x') // Float64Array [1, 2, 3]
 */
export function toSortedFloat64Array(values: ArrayLike<number>, name: string): Float64Array {
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw new RangeError(`${name} must be an array of numbers`);
  }
  if (values.length === 0) throw new RangeError(`${name} must not be empty`);
  const sorted = Float64Array.from(values);
  for (let index = 0; index < sorted.length; index += 1) {
    if (Number.isNaN(sorted[index])) {
      throw new RangeError(`${name}[${index}] is not a number (${String(values[index])})`);
    }
  }
  return radixSortFloat64(sorted);
}
