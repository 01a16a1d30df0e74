/**
 * Expected values come from SciPy 1.10.1 (Debian bookworm python3-scipy):
 * `scipy.spatial.distance.jensenshannon` and `scipy.stats.wasserstein_distance`; PSI values
 * follow the definition in fixtures/stats-vectors.README.md.
 */
import { jensenShannonDistance, populationStabilityIndex, wassersteinDistance } from '../src/index.js';

describe('populationStabilityIndex', () => {
  it('returns 0 for identical samples', () => {
    // Prepare
    const sample = Array.from({ length: 100 }, (_, index) => Math.sin(index));

    // Act
    const psi = populationStabilityIndex(sample, [...sample].reverse());

    // Assess
    expect(psi).toBe(0);
  });

  it('floors empty bins at 1e-4 instead of dividing by zero', () => {
    // Prepare
    const baseline = Array.from({ length: 10 }, (_, index) => index + 1);
    const current = [100, 200];

    // Act
    const psi = populationStabilityIndex(baseline, current);

    // Assess: nine bins go from 0.1 to 1e-4 and the last from 0.1 to 1.
    const emptied = (1e-4 - 0.1) * Math.log(1e-4 / 0.1);
    const filled = (1 - 0.1) * Math.log(1 / 0.1);
    expect(psi).toBeCloseTo(9 * emptied + filled, 12);
  });

  it('collapses duplicate edges of a constant baseline into one edge', () => {
    // Prepare
    const baseline = new Array(200).fill(3);
    const current = [1, 2, 3, 4];

    // Act
    const psi = populationStabilityIndex(baseline, current);

    // Assess: bins (-inf, 3] and (3, inf) hold shares 1 / 0 (floored to 1e-4) and 0.75 / 0.25.
    expect(psi).toBeCloseTo((0.75 - 1) * Math.log(0.75) + (0.25 - 1e-4) * Math.log(0.25 / 1e-4), 12);
  });
});

describe('jensenShannonDistance', () => {
  it('uses the natural logarithm by default', () => {
    // Act
    const distance = jensenShannonDistance([10, 20, 30], [30, 20, 10]);

    // Assess
    expect(distance).toBeCloseTo(0.2953100471720493, 15);
  });

  it('returns 1 in base 2 for distributions with disjoint support', () => {
    // Act
    const distance = jensenShannonDistance([1, 0], [0, 1], 2);

    // Assess
    expect(distance).toBe(1);
  });

  it('normalises raw counts before comparing them', () => {
    // Act
    const counts = jensenShannonDistance([10, 20, 30], [30, 20, 10], 2);
    const shares = jensenShannonDistance([1 / 6, 2 / 6, 3 / 6], [3 / 6, 2 / 6, 1 / 6], 2);

    // Assess
    expect(counts).toBeCloseTo(0.354703515198132, 15);
    expect(shares).toBeCloseTo(counts, 15);
  });

  it('throws a RangeError when a distribution sums to 0', () => {
    // Act and Assess
    expect(() => jensenShannonDistance([0, 0], [1, 1])).toThrow(new RangeError('p must not sum to 0'));
  });
});

describe('wassersteinDistance', () => {
  it('returns the shift between two translated samples', () => {
    // Act
    const distance = wassersteinDistance([0, 1, 3], [5, 6, 8]);

    // Assess
    expect(distance).toBe(5);
  });

  it("returns SciPy's value for samples of different sizes", () => {
    // Act
    const distance = wassersteinDistance([3.5, -1.25, 0.75, 2.0], [1.5, 1.0, 9.25]);

    // Assess
    expect(distance).toBeCloseTo(2.833333333333334, 14);
  });

  it('throws a RangeError for an empty sample', () => {
    // Act and Assess
    expect(() => wassersteinDistance([1], [])).toThrow(new RangeError('v must not be empty'));
  });
});
