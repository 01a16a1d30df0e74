import { chi2Sf } from './chi2Sf.js';
import { checkNonNegativeNumbers } from './internal/checkNumberArray.js';
import { numpySum } from './internal/numpySum.js';

/** Result of {@link chiSquareGoodnessOfFit}. */
export interface ChiSquareGoodnessOfFitResult {
  /** Pearson's statistic Σ (observed - expected)² / expected, after rescaling expected. */
  readonly statistic: number;
  /** chi2.sf(statistic, dof); NaN when dof = 0 (a single category), as in SciPy. */
  readonly pValue: number;
  /** Number of categories minus 1. */
  readonly dof: number;
}

/**
 * Pearson's chi-squared goodness-of-fit test of observed counts against expected frequencies rescaled to the observed total.
 *
 * The drift monitor compares current category counts with baseline counts of a different size,
 * so `expected` is first multiplied by sum(observed)/sum(expected) (the scalar ratio computed
 * first); then it is `scipy.stats.chisquare(observed, expected)` from SciPy 1.1, whose sums must
 * agree. No smoothing is added: pass counts + 1 yourself if you want it. A zero expected
 * frequency against a non-zero count gives an infinite statistic and p-value 0, as in SciPy.
 *
 * Reference: https://docs.scipy.org/doc/scipy-1.10.1/reference/generated/scipy.stats.chisquare.html.
 * Cost: O(k) for k categories.
 *
 * @throws {RangeError} when the arrays are empty, differ in length, hold a negative or non-finite
 * number, or the expected frequencies sum to 0.
 * @example chiSquareGoodnessOfFit([60, 40], [50, 50]) // { statistic: 4, pValue: 0.04550026389635857, dof: 1 }
 */
export function chiSquareGoodnessOfFit(observed: number[], expected: number[]): ChiSquareGoodnessOfFitResult {
  checkNonNegativeNumbers(observed, 'observed');
  checkNonNegativeNumbers(expected, 'expected');
  if (observed.length !== expected.length) {
    throw new RangeError(
      `observed and expected must have the same length; got ${observed.length} and ${expected.length}`,
    );
  }
  const expectedTotal = numpySum(expected);
  if (expectedTotal === 0) throw new RangeError('expected must not sum to 0');
  const ratio = numpySum(observed) / expectedTotal;
  const terms = new Float64Array(observed.length);
  for (let index = 0; index < observed.length; index += 1) {
    const rescaled = expected[index] * ratio;
    terms[index] = (observed[index] - rescaled) ** 2 / rescaled;
  }
  const statistic = numpySum(terms);
  const dof = observed.length - 1;
  return { statistic, pValue: chi2Sf(statistic, dof), dof };
}
