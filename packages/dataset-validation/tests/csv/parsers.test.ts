import fc from 'fast-check';
import { parseBoolean } from '../../src/csv/parseBoolean.js';
import { parseDecimal } from '../../src/csv/parseDecimal.js';
import { parseTimestamp } from '../../src/csv/parseTimestamp.js';

const bytes = (text: string) => Buffer.from(text, 'latin1');
const decimal = (text: string, integerOnly = false) =>
  parseDecimal(bytes(`#${text}#`), 1, text.length + 1, integerOnly);

describe('parseDecimal', () => {
  it('equals Number() on every plain decimal, fast path or not', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('', '-', '+'),
        fc.string({ unit: fc.constantFrom('0', '1', '5', '9'), minLength: 1, maxLength: 22 }),
        fc.option(fc.string({ unit: fc.constantFrom('0', '3', '7'), maxLength: 20 })),
        fc.option(fc.integer({ min: -330, max: 330 })),
        (sign, whole, fraction, exponent) => {
          // Prepare
          const text = `${sign}${whole}${fraction === null ? '' : `.${fraction}`}${exponent === null ? '' : `e${exponent}`}`;

          // Act
          const value = decimal(text);

          // Assess
          expect(Object.is(value, Number(text)) || value === Number(text)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it.each(['100.23', '-0.5', '.5', '5.', '1E-3', '+7', '007', '123456789012345678'])(
    'parses %s as Number() does',
    (text) => {
      // Act
      const value = decimal(text);

      // Assess
      expect(value).toBe(Number(text));
    },
  );

  it.each(['', '-', '.', 'e5', '1e', '1e+', '1.2.3', '1,5', ' 1', '1 ', '0x10', 'NaN', 'Infinity', '1_000'])(
    'rejects %j',
    (text) => {
      // Act
      const value = decimal(text);

      // Assess
      expect(value).toBeNaN();
    },
  );

  it.each(['1.0', '1e3', '.5'])('rejects %s as an integer', (text) => {
    // Act
    const value = decimal(text, true);

    // Assess
    expect(value).toBeNaN();
  });

  it('reads integers of any length', () => {
    // Act
    const value = decimal('-12345678901234567890', true);

    // Assess
    expect(value).toBe(Number('-12345678901234567890'));
  });
});

describe('parseBoolean', () => {
  it.each([
    ['true', 1],
    ['TRUE', 1],
    ['True', 1],
    ['1', 1],
    ['false', 0],
    ['FaLsE', 0],
    ['0', 0],
    ['yes', -1],
    ['t', -1],
    ['', -1],
    ['truee', -1],
  ])('reads %j as %i', (text, expected) => {
    // Act
    const value = parseBoolean(bytes(text), 0, text.length);

    // Assess
    expect(value).toBe(expected);
  });
});

describe('parseTimestamp', () => {
  it.each([
    ['2024-02-29', Date.UTC(2024, 1, 29)],
    ['2024-01-01T01:00:00+01:00', Date.UTC(2024, 0, 1)],
    ['2024-01-01t00:00:00.250z', Date.UTC(2024, 0, 1, 0, 0, 0, 250)],
    ['2024-01-01 12:30:00-02:30', Date.UTC(2024, 0, 1, 15, 0, 0)],
  ])('reads %s', (text, expected) => {
    // Act
    const value = parseTimestamp(text);

    // Assess
    expect(value).toBe(expected);
  });

  it('reads years below 100 as written, not as 19xx', () => {
    // Act
    const value = parseTimestamp('0099-01-01T00:00:00Z');

    // Assess
    expect(new Date(value).toISOString()).toBe('0099-01-01T00:00:00.000Z');
  });

  it.each([
    '2023-02-29',
    '2024-04-31',
    '2024-00-10',
    '2024-01-01T24:00:00Z',
    '2024-01-01T10:00:00',
    '2024-1-1',
    '20240101',
  ])('rejects %s', (text) => {
    // Act
    const value = parseTimestamp(text);

    // Assess
    expect(value).toBeNaN();
  });
});
