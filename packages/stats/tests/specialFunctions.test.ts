/**
 * Expected values come from SciPy 1.10.1 (Debian bookworm python3-scipy):
 * `scipy.stats.chi2.sf`, `scipy.stats.kstwo.sf` and `scipy.stats.kstwobign.sf`.
 */
import { chi2Sf, kstwobignSf, kstwoSf } from '../src/index.js';

describe('chi2Sf', () => {
  it.each([
    [10, 3, 0.01856613546304325],
    [500, 100, 1.720121005369523e-54],
    [1500, 1000, 1.0454640385980825e-22],
  ])('returns chi2.sf(%d, %d) = %d with its relative accuracy in the tail', (x, df, expected) => {
    // Act
    const actual = chi2Sf(x, df);

    // Assess
    expect(Math.abs(actual - expected) / expected).toBeLessThan(1e-12);
  });

  it('returns 1 at and below 0 and 0 at Infinity', () => {
    // Act and Assess
    expect(chi2Sf(0, 3)).toBe(1);
    expect(chi2Sf(-1, 3)).toBe(1);
    expect(chi2Sf(Number.POSITIVE_INFINITY, 3)).toBe(0);
  });

  it('returns NaN for df <= 0, as SciPy does', () => {
    // Act and Assess
    expect(chi2Sf(1, 0)).toBeNaN();
    expect(chi2Sf(Number.NaN, 2)).toBeNaN();
  });
});

describe('kstwoSf', () => {
  it.each([
    [0.3, 20, 0.04306706665851623],
    [0.05, 1000, 0.013012074781090332],
    [0.01, 100000, 4.093278023549254e-9],
    [0.6, 5, 0.03008000000000001],
    [0.95, 3, 0.00025000000000000066],
  ])('returns kstwo.sf(%d, %d) = %d', (d, n, expected) => {
    // Act
    const actual = kstwoSf(d, n);

    // Assess
    expect(Math.abs(actual - expected) / expected).toBeLessThan(1e-9);
  });

  it('returns 1 up to 0.5/n and 0 from 1 on', () => {
    // Act and Assess
    expect(kstwoSf(0.1, 5)).toBe(1);
    expect(kstwoSf(1, 5)).toBe(0);
  });

  it('returns NaN for a sample size that is not a positive integer', () => {
    // Act and Assess
    expect(kstwoSf(0.3, 0)).toBeNaN();
    expect(kstwoSf(0.3, 2.5)).toBeNaN();
  });
});

describe('kstwobignSf', () => {
  it.each([
    [0.5, 0.9639452436648751],
    [1, 0.26999967167735456],
    [3, 3.045995948942526e-8],
  ])('returns kstwobign.sf(%d) = %d', (x, expected) => {
    // Act
    const actual = kstwobignSf(x);

    // Assess
    expect(Math.abs(actual - expected) / expected).toBeLessThan(1e-14);
  });

  it('returns 1 for x <= 0 and NaN for NaN', () => {
    // Act and Assess
    expect(kstwobignSf(0)).toBe(1);
    expect(kstwobignSf(Number.NaN)).toBeNaN();
  });
});
