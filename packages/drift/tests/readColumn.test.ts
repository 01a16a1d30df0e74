import { ColumnKind, DriftInputError, inferColumnKind, parseFiniteNumber, readColumn } from '../src/index.js';
import { tableOf } from './support/tables.js';

describe('parseFiniteNumber', () => {
  it.each([
    ['12', 12],
    ['-0.5', -0.5],
    [' 1e-3 ', 0.001],
    ['.5', 0.5],
  ])('returns the number for %p', (text, expected) => {
    // Act
    const value = parseFiniteNumber(text);

    // Assess
    expect(value).toBe(expected);
  });

  it.each(['', ' ', '0x1A', 'Infinity', 'NaN', '1,5', 'abc', '1e999'])('returns undefined for %p', (text) => {
    // Act
    const value = parseFiniteNumber(text);

    // Assess
    expect(value).toBeUndefined();
  });
});

describe('inferColumnKind', () => {
  it('returns numeric when every present value in both tables is a number', () => {
    // Prepare
    const a = tableOf('a.csv', ['x'], [['1'], [''], ['2.5']]);
    const b = tableOf('b.csv', ['x'], [['-3e2']]);

    // Act
    const kind = inferColumnKind('x', [a, b], ['']);

    // Assess
    expect(kind).toBe(ColumnKind.numeric);
  });

  it('returns categorical when one value on either side is not a number', () => {
    // Prepare
    const a = tableOf('a.csv', ['x'], [['1'], ['2']]);
    const b = tableOf('b.csv', ['x'], [['n/a']]);

    // Act
    const kind = inferColumnKind('x', [a, b], ['']);

    // Assess
    expect(kind).toBe(ColumnKind.categorical);
  });
});

describe('readColumn', () => {
  it('returns the present numbers and counts the missing cells', () => {
    // Prepare
    const table = tableOf(
      'a.csv',
      ['x', 'y'],
      [
        ['1', 'a'],
        ['NA', 'b'],
        ['3', 'c'],
      ],
    );

    // Act
    const column = readColumn(table, 'x', ColumnKind.numeric, ['', 'NA']);

    // Assess
    expect(column.kind).toBe('numeric');
    expect(Array.from(column.values as Float64Array)).toEqual([1, 3]);
    expect(column.missing).toBe(1);
  });

  it('returns category labels as written', () => {
    // Prepare
    const table = tableOf('a.csv', ['x'], [['One year'], [''], ['1']]);

    // Act
    const column = readColumn(table, 'x', ColumnKind.categorical, ['']);

    // Assess
    expect(column).toEqual({ kind: 'categorical', values: ['One year', '1'], missing: 1 });
  });

  it('throws naming the source, line and column when a numeric cell is not a number', () => {
    // Prepare
    const table = tableOf('a.csv', ['x'], [['1'], ['oops']]);

    // Act
    const act = () => readColumn(table, 'x', ColumnKind.numeric, ['']);

    // Assess
    expect(act).toThrow(DriftInputError);
    expect(act).toThrow('a.csv:3: column "x": "oops" is not a number');
  });
});
