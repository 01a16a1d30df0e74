/**
 * Expected values come from `scipy.stats.false_discovery_control(ps, method='bh')` in SciPy
 * 1.17.1 (the function is absent from 1.10); Bonferroni is p * m capped at 1.
 */
import { benjaminiHochberg, bonferroni } from '../src/index.js';

describe('benjaminiHochberg', () => {
  it("returns SciPy's adjusted p-values in the input order", () => {
    // Act
    const adjusted = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);

    // Assess
    expect(adjusted).toEqual([0.02, 0.04, 0.039999999999999994, 0.02]);
  });

  it('keeps adjusted p-values monotone in the raw ones and caps them at 1', () => {
    // Act
    const adjusted = benjaminiHochberg([0.2, 0.9, 0.01, 0.5, 0.04]);

    // Assess
    expect(adjusted).toEqual([0.33333333333333337, 0.9, 0.05, 0.625, 0.1]);
  });

  it('returns an empty array for no p-values', () => {
    // Act and Assess
    expect(benjaminiHochberg([])).toEqual([]);
  });

  it('throws a RangeError naming a p-value outside [0, 1]', () => {
    // Act and Assess
    expect(() => benjaminiHochberg([0.5, 1.5])).toThrow(
      new RangeError('pValues[1] must be a number in [0, 1]; got 1.5'),
    );
  });
});

describe('bonferroni', () => {
  it('multiplies by the number of tests and caps at 1', () => {
    // Act
    const adjusted = bonferroni([0.01, 0.04, 0.5]);

    // Assess
    expect(adjusted).toEqual([0.03, 0.12, 1]);
  });

  it('throws a RangeError naming a NaN p-value', () => {
    // Act and Assess
    expect(() => bonferroni([Number.NaN])).toThrow(/pValues\[0\] must be a number in \[0, 1\]/);
  });
});
