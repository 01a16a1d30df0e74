/** Limits of one batch. */
export type BatchLimits = { maxEntries: number; maxBytes: number };

/**
 * Splits items into consecutive batches of at most `maxEntries` items and `maxBytes` bytes.
 *
 * Order is kept, so the n-th result of a PutEvents call still maps to the n-th entry of its
 * batch. Greedy: a batch is closed when the next item would not fit. Cost O(n).
 *
 * @throws RangeError when one item alone is larger than `maxBytes` (no batch could hold it)
 * @example
 * batchEntries([1, 2, 3], (n) => n, { maxEntries: 10, maxBytes: 3 }) // [[1, 2], [3]]
 */
export const batchEntries = <T>(items: readonly T[], sizeOf: (item: T) => number, limits: BatchLimits): T[][] => {
  const batches: T[][] = [];
  let current: T[] = [];
  let currentBytes = 0;
  items.forEach((item, index) => {
    const size = sizeOf(item);
    if (size > limits.maxBytes) {
      throw new RangeError(`item ${index} is ${size} bytes, more than the ${limits.maxBytes}-byte limit of a batch`);
    }
    if (current.length >= limits.maxEntries || currentBytes + size > limits.maxBytes) {
      batches.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(item);
    currentBytes += size;
  });
  if (current.length > 0) batches.push(current);
  return batches;
};
