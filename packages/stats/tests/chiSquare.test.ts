/**
 * Expected values come from SciPy 1.10.1 (Debian bookworm python3-scipy):
 * `scipy.stats.chisquare` and `scipy.stats.chi2_contingency` with the same inputs.
 */
import { chiSquareContingency, chiSquareGoodnessOfFit } from '../src/index.js';

describe('chiSquareGoodnessOfFit', () => {
  it("returns SciPy's chisquare when the totals already agree", () => {
    // Act
    const result = chiSquareGoodnessOfFit([60, 40], [50, 50]);

    // Assess
    expect(result).toEqual({ statistic: 4, pValue: 0.04550026389635857, dof: 1 });
  });

  it('rescales the expected frequencies to the observed total', () => {
    // Act
    const rescaled = chiSquareGoodnessOfFit([60, 40], [5, 5]);

    // Assess
    expect(rescaled).toEqual({ statistic: 4, pValue: 0.04550026389635857, dof: 1 });
  });

  it('returns a NaN p-value for a single category, as SciPy does with dof 0', () => {
    // Act
    const result = chiSquareGoodnessOfFit([81], [101]);

    // Assess
    expect(result.statistic).toBe(0);
    expect(result.dof).toBe(0);
    expect(result.pValue).toBeNaN();
  });

  it('throws a RangeError when the lengths differ', () => {
    // Act and Assess
    expect(() => chiSquareGoodnessOfFit([1, 2], [1, 2, 3])).toThrow(
      new RangeError('observed and expected must have the same length; got 2 and 3'),
    );
  });

  it('throws a RangeError naming a negative count', () => {
    // Act and Assess
    expect(() => chiSquareGoodnessOfFit([1, -2], [1, 2])).toThrow(/observed\[1\] must be a finite number >= 0/);
  });
});

describe('chiSquareContingency', () => {
  it("applies Yates' correction by default on a 2 x 2 table", () => {
    // Act
    const result = chiSquareContingency([
      [50, 50],
      [60, 40],
    ]);

    // Assess
    expect(result.statistic).toBeCloseTo(1.6363636363636362, 14);
    expect(result.pValue).toBeCloseTo(0.20082512269514174, 14);
    expect(result.dof).toBe(1);
    expect(result.expected).toEqual([
      [55, 45],
      [55, 45],
    ]);
  });

  it('skips the correction when asked', () => {
    // Act
    const result = chiSquareContingency(
      [
        [50, 50],
        [60, 40],
      ],
      { correction: false },
    );

    // Assess
    expect(result.statistic).toBeCloseTo(2.0202020202020203, 14);
    expect(result.pValue).toBeCloseTo(0.15521848968468005, 14);
  });

  it('leaves tables with more than one degree of freedom uncorrected', () => {
    // Act
    const result = chiSquareContingency([
      [10, 20, 30],
      [20, 20, 20],
    ]);

    // Assess
    expect(result.statistic).toBeCloseTo(5.333333333333334, 14);
    expect(result.pValue).toBeCloseTo(0.0694834512228015, 14);
    expect(result.dof).toBe(2);
  });

  it('returns statistic 0 and p-value 1 for a single column (dof 0)', () => {
    // Act
    const result = chiSquareContingency([[100], [80]]);

    // Assess
    expect(result).toEqual({ statistic: 0, pValue: 1, dof: 0, expected: [[100], [80]] });
  });

  it('throws a RangeError naming a column that sums to 0, where SciPy raises', () => {
    // Act and Assess
    expect(() =>
      chiSquareContingency([
        [10, 0, 5],
        [3, 0, 7],
      ]),
    ).toThrow(new RangeError('column 1 of table sums to 0, so its expected frequencies would be 0'));
  });

  it('throws a RangeError naming a row that sums to 0', () => {
    // Act and Assess
    expect(() =>
      chiSquareContingency([
        [0, 0],
        [3, 4],
      ]),
    ).toThrow(/table\[0\] sums to 0/);
  });

  it('throws a RangeError for a ragged table', () => {
    // Act and Assess
    expect(() => chiSquareContingency([[1, 2], [3]])).toThrow(/table\[1\] has 1 columns; table\[0\] has 2/);
  });
});
