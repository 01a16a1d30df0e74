/**
 * The NumPy behaviours SciPy's results depend on: round-half-to-even and pairwise summation.
 * Expected values from NumPy 1.24.2 (`np.round`, `np.sum`).
 */
import { numpySum } from '../src/internal/numpySum.js';
import { roundHalfEven } from '../src/internal/roundHalfEven.js';

describe('roundHalfEven', () => {
  it.each([
    [0.5, 0],
    [1.5, 2],
    [2.5, 2],
    [-2.5, -2],
    [2.5000000000000004, 3],
    [7.4, 7],
  ])('rounds %d to %d as np.round does', (value, expected) => {
    // Act and Assess
    expect(roundHalfEven(value)).toBe(expected);
  });
});

describe('numpySum', () => {
  it('adds the first eight values in NumPy pairs, not left to right', () => {
    // Prepare
    const values = [1e16, 1, 1, 1, 1, 1, 1, 1, -1e16];

    // Act
    const sum = numpySum(values);

    // Assess: np.sum gives 6.0 here, a left-to-right loop 0.
    expect(sum).toBe(6);
  });

  it('returns 0 for no values', () => {
    // Act and Assess
    expect(numpySum([])).toBe(0);
  });
});
