import { InvalidDurationError, parseDuration } from '../../src/clock/index.js';

describe('parseDuration', () => {
  it.each([
    [1500, 1500],
    ['500ms', 500],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['2d', 172_800_000],
    ['PT15M', 900_000],
    ['P1DT2H', 93_600_000],
    ['PT0.5S', 500],
  ])('returns the milliseconds of %p', (input, expected) => {
    // Act
    const ms = parseDuration(input);

    // Assess
    expect(ms).toBe(expected);
  });

  it.each([[-1], [Number.NaN], [''], ['5 minutes'], ['P1M'], ['PT'], ['P']])('throws when given %p', (input) => {
    // Act
    const parse = () => parseDuration(input);

    // Assess
    expect(parse).toThrow(InvalidDurationError);
  });
});
