/**
 * Expected values come from SciPy 1.10.1 (Debian bookworm python3-scipy), for example
 * `scipy.stats.ks_2samp([1, 2, 3, 4, 5], [6, 7, 8, 9, 10])`, unless a test says otherwise.
 */
import { ks2Sample } from '../src/index.js';

describe('ks2Sample', () => {
  it('returns the exact p-value for two fully separated samples', () => {
    // Act
    const result = ks2Sample([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]);

    // Assess
    expect(result).toEqual({ statistic: 1, pValue: 0.007936507936507936, method: 'exact' });
  });

  it('returns the one-sided statistics of F1 - F2 (greater) and F2 - F1 (less)', () => {
    // Prepare
    const x = [0.1, 0.5, 0.9, 1.3];
    const y = [0.2, 1.7, 2.5, 3.1, 4.2, 5.0];

    // Act
    const greater = ks2Sample(x, y, { alternative: 'greater' });
    const less = ks2Sample(x, y, { alternative: 'less' });
    const twoSided = ks2Sample(x, y);

    // Assess
    expect(greater).toEqual({ statistic: 0.8333333333333334, pValue: 0.023809523809523808, method: 'exact' });
    expect(less).toEqual({ statistic: 0, pValue: 1, method: 'exact' });
    expect(twoSided.pValue).toBeCloseTo(0.04761904761904761, 15);
  });

  it('uses the asymptotic distribution when asked', () => {
    // Act
    const result = ks2Sample([3.1, 1.2, 5.5, 2.2, 4.8, 0.3], [2.9, 3.3, 6.1, 7.4, 5.2], { method: 'asymp' });

    // Assess
    expect(result.method).toBe('asymp');
    expect(result.statistic).toBe(0.5);
    expect(result.pValue).toBeCloseTo(0.3333333333333333, 14);
  });

  it('falls back to asymp when the exact probability rounds above 1, as SciPy does for 5 vs 5 interleaved values', () => {
    // Act
    const result = ks2Sample([0, 2, 4, 6, 8], [1, 3, 5, 7, 9]);

    // Assess
    expect(result).toEqual({ statistic: 0.2, pValue: 1, method: 'asymp' });
  });

  it('uses asymp under auto when the larger sample has more than 10 000 values', () => {
    // Prepare
    const x = Array.from({ length: 10001 }, (_, index) => index / 10001);
    const y = [0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.2];

    // Act
    const twoSided = ks2Sample(x, y);
    const less = ks2Sample(x, y, { alternative: 'less' });

    // Assess
    expect(twoSided.method).toBe('asymp');
    expect(twoSided.statistic).toBeCloseTo(0.14998500149985006, 15);
    expect(twoSided.pValue).toBeCloseTo(0.954001662407166, 12);
    expect(less.pValue).toBeCloseTo(0.5772092197514231, 12);
  });

  it('returns NaN for the asymptotic two-sided p-value of one value against one, as SciPy does', () => {
    // Act
    const result = ks2Sample([1], [2], { method: 'asymp' });

    // Assess
    expect(result.statistic).toBe(1);
    expect(result.pValue).toBeNaN();
  });

  it('accepts typed arrays and leaves its inputs unsorted', () => {
    // Prepare
    const x = Float32Array.of(5, 1, 4, 2, 3);
    const y = [10, 6, 9, 7, 8];

    // Act
    const result = ks2Sample(x, y);

    // Assess
    expect(result.pValue).toBe(0.007936507936507936);
    expect(Array.from(x)).toEqual([5, 1, 4, 2, 3]);
    expect(y).toEqual([10, 6, 9, 7, 8]);
  });

  it('throws a RangeError naming an empty sample', () => {
    // Act and Assess
    expect(() => ks2Sample([], [1, 2])).toThrow(new RangeError('x must not be empty'));
  });

  it('throws a RangeError naming the index of a NaN', () => {
    // Act and Assess
    expect(() => ks2Sample([1, 2], [3, Number.NaN])).toThrow(/y\[1\] is not a number/);
  });

  it('throws a RangeError for an unknown alternative or method', () => {
    // Prepare
    const badAlternative = { alternative: 'sideways' } as unknown as { alternative: 'less' };
    const badMethod = { method: 'magic' } as unknown as { method: 'exact' };

    // Act and Assess
    expect(() => ks2Sample([1], [2], badAlternative)).toThrow(/options.alternative must be one of/);
    expect(() => ks2Sample([1], [2], badMethod)).toThrow(/options.method must be one of/);
  });
});
