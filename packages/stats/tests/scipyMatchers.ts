/**
 * Jest matchers for the comparison rules of `fixtures/stats-vectors.json`, as its README states them.
 *
 * Non-finite numbers arrive as the strings "NaN", "Infinity" and "-Infinity"; statistics must
 * agree within 1e-9 relative, p-values and special functions within 1e-6 relative or 1e-12
 * absolute, and NaN only matches NaN. Importing this file registers `toMatchScipyStatistic`
 * and `toMatchScipyPValue`.
 */
export type EncodedNumber = number | 'NaN' | 'Infinity' | '-Infinity';

/** Turns a fixture number (possibly a string for a non-finite value) into a JS number. */
export function decodeNumber(value: EncodedNumber): number {
  if (value === 'NaN') return Number.NaN;
  if (value === 'Infinity') return Number.POSITIVE_INFINITY;
  if (value === '-Infinity') return Number.NEGATIVE_INFINITY;
  return value;
}

function matches(actual: number, expected: number, relative: number, absolute: number): boolean {
  if (Number.isNaN(expected) || Number.isNaN(actual)) return Number.isNaN(expected) && Number.isNaN(actual);
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return actual === expected;
  const error = Math.abs(actual - expected);
  return error <= absolute || error <= relative * Math.abs(expected);
}

function result(pass: boolean, actual: number, expected: number, rule: string): jest.CustomMatcherResult {
  return {
    pass,
    message: () =>
      `expected ${actual} ${pass ? 'not ' : ''}to match SciPy's ${expected} (${rule}); ` +
      `relative error ${Math.abs(actual - expected) / Math.abs(expected)}`,
  };
}

expect.extend({
  toMatchScipyStatistic(actual: number, encodedExpected: EncodedNumber) {
    const expected = decodeNumber(encodedExpected);
    return result(matches(actual, expected, 1e-9, 0), actual, expected, 'statistic: 1e-9 relative');
  },
  toMatchScipyPValue(actual: number, encodedExpected: EncodedNumber) {
    const expected = decodeNumber(encodedExpected);
    return result(matches(actual, expected, 1e-6, 1e-12), actual, expected, 'p-value: 1e-6 relative or 1e-12 absolute');
  },
});

declare global {
  namespace jest {
    interface Matchers<R> {
      /** Passes when the number equals SciPy's within 1e-9 relative error (NaN matches NaN). */
      toMatchScipyStatistic(expected: EncodedNumber): R;
      /** Passes when the number equals SciPy's within 1e-6 relative or 1e-12 absolute error (NaN matches NaN). */
      toMatchScipyPValue(expected: EncodedNumber): R;
    }
  }
}
