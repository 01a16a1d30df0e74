const RADIX_THRESHOLD = 32768;
const DIGIT_BITS = 16;
const BUCKETS = 1 << DIGIT_BITS;
const DIGIT_MASK = BUCKETS - 1;

/**
 * Sorts a Float64Array of non-NaN numbers ascending, by an LSD radix sort on the IEEE-754 bit patterns for large arrays.
 *
 * The two-sample statistics are dominated by sorting; on a million values this is several times
 * faster than `Float64Array.prototype.sort`. Keys are the bit patterns with the sign bit flipped
 * for positive numbers and all bits flipped for negative ones, which orders them like the
 * numbers (-0 before +0, as the built-in sort does). Four passes of 16-bit digits; below 32 768
 * values the built-in sort is faster and is used instead.
 * Reference: Herf, "Radix Tricks" (2001), http://stereopsis.com/radix.html.
 * Cost: O(n) time (4 passes), O(n) extra memory.
 *
 * @throws never; NaN must have been rejected before (it would sort by its bit pattern).
 * @example radixSortFloat64(Float64Array.of(2, -1, 0.5)) // Float64Array [-1, 0.5, 2]
 */
export function radixSortFloat64(values: Float64Array): Float64Array {
  const count = values.length;
  if (count < RADIX_THRESHOLD) return values.sort();
  let words: Uint32Array = new Uint32Array(values.buffer, values.byteOffset, count * 2);
  let scratch: Uint32Array = new Uint32Array(count * 2);
  const histograms = new Uint32Array(4 * BUCKETS);
  for (let index = 0; index < count; index += 1) {
    let low = words[2 * index];
    let high = words[2 * index + 1];
    if (high & 0x80000000) {
      low = ~low >>> 0;
      high = ~high >>> 0;
    } else {
      high = (high | 0x80000000) >>> 0;
    }
    words[2 * index] = low;
    words[2 * index + 1] = high;
    histograms[low & DIGIT_MASK] += 1;
    histograms[BUCKETS + (low >>> DIGIT_BITS)] += 1;
    histograms[2 * BUCKETS + (high & DIGIT_MASK)] += 1;
    histograms[3 * BUCKETS + (high >>> DIGIT_BITS)] += 1;
  }
  for (let pass = 0; pass < 4; pass += 1) {
    const offset = pass * BUCKETS;
    if (histograms[offset + digitOf(words, 0, pass)] === count) continue;
    let running = 0;
    for (let bucket = 0; bucket < BUCKETS; bucket += 1) {
      const bucketCount = histograms[offset + bucket];
      histograms[offset + bucket] = running;
      running += bucketCount;
    }
    for (let index = 0; index < count; index += 1) {
      const position = histograms[offset + digitOf(words, index, pass)]++;
      scratch[2 * position] = words[2 * index];
      scratch[2 * position + 1] = words[2 * index + 1];
    }
    [words, scratch] = [scratch, words];
  }
  const target = new Uint32Array(values.buffer, values.byteOffset, count * 2);
  for (let index = 0; index < count; index += 1) {
    let low = words[2 * index];
    let high = words[2 * index + 1];
    if (high & 0x80000000) {
      high = (high & 0x7fffffff) >>> 0;
    } else {
      low = ~low >>> 0;
      high = ~high >>> 0;
    }
    target[2 * index] = low;
    target[2 * index + 1] = high;
  }
  return values;
}

function digitOf(words: Uint32Array, index: number, pass: number): number {
  const word = words[2 * index + (pass >> 1)];
  return pass & 1 ? word >>> DIGIT_BITS : word & DIGIT_MASK;
}
