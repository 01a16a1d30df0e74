const PAIRWISE_BLOCK = 128;
const REDUCE_BUFFER = 8192;

function pairwiseSum(values: ArrayLike<number>, start: number, count: number): number {
  if (count < 8) {
    let sum = 0;
    for (let index = start; index < start + count; index += 1) sum += values[index];
    return sum;
  }
  if (count <= PAIRWISE_BLOCK) {
    let r0 = values[start];
    let r1 = values[start + 1];
    let r2 = values[start + 2];
    let r3 = values[start + 3];
    let r4 = values[start + 4];
    let r5 = values[start + 5];
    let r6 = values[start + 6];
    let r7 = values[start + 7];
    const unrolledEnd = start + count - (count % 8);
    let index = start + 8;
    for (; index < unrolledEnd; index += 8) {
      r0 += values[index];
      r1 += values[index + 1];
      r2 += values[index + 2];
      r3 += values[index + 3];
      r4 += values[index + 4];
      r5 += values[index + 5];
      r6 += values[index + 6];
      r7 += values[index + 7];
    }
    let sum = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; index < start + count; index += 1) sum += values[index];
    return sum;
  }
  let half = Math.floor(count / 2);
  half -= half % 8;
  return pairwiseSum(values, start, half) + pairwiseSum(values, start + half, count - half);
}

/**
 * Sums like `numpy.sum` on a contiguous float64 array: pairwise within 8192-element buffers, buffers added in order.
 *
 * Matching NumPy's summation order keeps statistics such as the Wasserstein distance and the
 * chi-squared statistic equal to SciPy's to the last bit, not just within rounding error.
 * Reference: numpy/core/src/umath/loops_utils.h.src (`pairwise_sum`). Cost O(n).
 *
 * @throws never.
 * @example numpySum([0.1, 0.2, 0.3]) // 0.6000000000000001
 */
export function numpySum(values: ArrayLike<number>): number {
  let total = 0;
  for (let start = 0; start < values.length; start += REDUCE_BUFFER) {
    const count = Math.min(REDUCE_BUFFER, values.length - start);
    const blockSum = pairwiseSum(values, start, count);
    total = start === 0 ? blockSum : total + blockSum;
  }
  return total;
}
