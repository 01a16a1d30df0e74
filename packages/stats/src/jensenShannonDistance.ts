import { checkNonNegativeNumbers } from './internal/checkNumberArray.js';
import { numpySum } from './internal/numpySum.js';

/** x ln(x/y) with SciPy's `rel_entr` conventions: 0 when x = 0, Infinity when x > 0 and y = 0. */
function relativeEntropyTerm(x: number, y: number): number {
  if (x > 0 && y > 0) return x * Math.log(x / y);
  if (x === 0 && y >= 0) return 0;
  return Number.POSITIVE_INFINITY;
}

/**
 * Jensen-Shannon distance between two discrete distributions, as SciPy 1.1's `scipy.spatial.distance.jensenshannon`.
 *
 * A bounded, symmetric measure of how far a current category mix is from the baseline one:
 * sqrt((KL(p || m) + KL(q || m)) / 2) with m = (p + q)/2, after normalising each vector by its
 * sum (so raw counts are fine). It is the square root of the divergence, in [0, sqrt(ln 2)] with
 * the natural log (the default, as in SciPy) and [0, 1] with `base` 2. Like SciPy it returns NaN
 * if rounding makes the divergence a hair negative.
 *
 * Reference: https://docs.scipy.org/doc/scipy-1.10.1/reference/generated/scipy.spatial.distance.jensenshannon.html;
 * Endres, Schindelin (2003), IEEE Trans. Inf. Theory 49(7), 1858-1860.
 * Cost: O(k) for k categories.
 *
 * @throws {RangeError} when the arrays are empty, differ in length, hold a negative or non-finite
 * number, or one of them sums to 0, or when `base` is not a positive number other than 1.
 * @example jensenShannonDistance([1, 0], [0, 1], 2) // 1
 */
export function jensenShannonDistance(p: number[], q: number[], base?: number): number {
  checkNonNegativeNumbers(p, 'p');
  checkNonNegativeNumbers(q, 'q');
  if (p.length !== q.length) throw new RangeError(`p and q must have the same length; got ${p.length} and ${q.length}`);
  if (base !== undefined && !(base > 0 && base !== 1 && Number.isFinite(base))) {
    throw new RangeError(`base must be a positive number other than 1; got ${String(base)}`);
  }
  const pTotal = numpySum(p);
  const qTotal = numpySum(q);
  if (pTotal === 0) throw new RangeError('p must not sum to 0');
  if (qTotal === 0) throw new RangeError('q must not sum to 0');
  const left = new Float64Array(p.length);
  const right = new Float64Array(p.length);
  for (let index = 0; index < p.length; index += 1) {
    const pShare = p[index] / pTotal;
    const qShare = q[index] / qTotal;
    const middle = (pShare + qShare) / 2;
    left[index] = relativeEntropyTerm(pShare, middle);
    right[index] = relativeEntropyTerm(qShare, middle);
  }
  let divergence = numpySum(left) + numpySum(right);
  if (base !== undefined) divergence /= Math.log(base);
  return Math.sqrt(divergence / 2);
}
