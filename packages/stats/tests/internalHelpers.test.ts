/**
 * The NumPy behaviours SciPy's results depend on (round-half-to-even and pairwise summation, expected
 * values from NumPy 1.24.2 `np.round` and `np.sum`) and the radix sort behind every two-sample statistic.
 */
import * as fc from 'fast-check';
import { numpySum } from '../src/internal/numpySum.js';
import { radixSortFloat64 } from '../src/internal/radixSortFloat64.js';
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

describe('radixSortFloat64', () => {
  it('orders large arrays exactly like Float64Array.prototype.sort, signed zeros and infinities included', () => {
    const specials = [0, -0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MIN_VALUE, -Number.MAX_VALUE];
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 300 }), (pool) => {
        // Prepare
        const values = Float64Array.from({ length: 40000 }, (_, index) =>
          index % 101 === 0
            ? specials[index % specials.length]
            : pool[(index * 7919) % pool.length] * (index % 3 ? 1 : -1),
        );
        const expected = Float64Array.from(values).sort();

        // Act
        const actual = radixSortFloat64(values);

        // Assess
        expect(Array.from(actual).every((value, index) => Object.is(value, expected[index]))).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  it('sorts small arrays too', () => {
    // Act and Assess
    expect(Array.from(radixSortFloat64(Float64Array.of(2, -1, 0.5)))).toEqual([-1, 0.5, 2]);
  });
});
