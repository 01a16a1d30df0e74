import { IssueCode } from '../../src/index.js';
import { CHUNK_SIZES, contractOf, validate } from '../support/validate.js';

const people = contractOf({
  name: { type: 'string' },
  age: { type: 'integer', min: 0, max: 120 },
  score: { type: 'number', nullable: true },
});

const only = async (input: string | Uint8Array, contract = people) => {
  const result = await validate(input, contract);
  return { result, codes: Object.keys(result.issueCounts) };
};

describe('validateDataset reports', () => {
  it('reports empty_file for a file without bytes', async () => {
    // Act
    const { result } = await only('');

    // Assess
    expect(result.passed).toBe(false);
    expect(result.issues).toEqual([{ code: IssueCode.emptyFile, message: 'the file is empty' }]);
  });

  it.each([
    ['only a byte-order mark', '\uFEFF'],
    ['only blank lines', '\n\r\n\n'],
  ])('reports empty_file for a file with %s', async (_, input) => {
    // Act
    const { result } = await only(input);

    // Assess
    expect(result.issueCounts).toEqual({ empty_file: 1 });
  });

  it('reports empty_file for a header without data rows', async () => {
    // Act
    const { result } = await only('name,age,score\n');

    // Assess
    expect(result.issues).toEqual([{ code: 'empty_file', message: 'the file has a header but no data rows', line: 2 }]);
  });

  it('reports invalid_encoding with the line of an invalid UTF-8 byte', async () => {
    // Prepare
    const input = Buffer.concat([
      Buffer.from('name,age,score\nann,30,1\nb'),
      Buffer.from([0xff]),
      Buffer.from('b,31,2\n'),
    ]);

    // Act
    const { result } = await only(input);

    // Assess
    expect(result.issues).toEqual([{ code: 'invalid_encoding', message: 'invalid UTF-8 byte 0xFF', line: 3 }]);
  });

  it('reports invalid_encoding for a truncated character at the end of the file', async () => {
    // Prepare
    const input = Buffer.concat([Buffer.from('name,age,score\nann,30,1\nb,1,'), Buffer.from([0xe2, 0x82])]);

    // Act
    const { result } = await only(input);

    // Assess
    expect(result.issues[0]).toMatchObject({ code: 'invalid_encoding', line: 3 });
    expect(result.issues[0].message).toContain('0xE2 0x82');
  });

  it.each([
    ['UTF-16LE with a byte-order mark', Buffer.from('\uFEFFname,age\n', 'utf16le'), 'UTF-16LE (byte-order mark FF FE)'],
    [
      'UTF-16BE with a byte-order mark',
      Buffer.from('\uFEFFname,age\n', 'utf16le').swap16(),
      'UTF-16BE (byte-order mark FE FF)',
    ],
    ['UTF-16LE without a byte-order mark', Buffer.from('name,age\n', 'utf16le'), 'UTF-16LE (no byte-order mark)'],
    ['UTF-32LE', Buffer.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]), 'UTF-32LE (byte-order mark FF FE 00 00)'],
  ])('rejects %s as invalid_encoding and stops', async (_, input, encoding) => {
    // Act
    const { result } = await only(input);

    // Assess
    expect(result.issues).toEqual([
      { code: 'invalid_encoding', message: `the file is ${encoding}; only UTF-8 is accepted`, line: 1 },
    ]);
    expect(result.rows).toBe(0);
  });

  it('reports nul_byte with its line', async () => {
    // Act
    const { result } = await only('name,age,score\nann,30,1\nb\u0000b,31,2\n');

    // Assess
    expect(result.issues).toEqual([{ code: 'nul_byte', message: 'NUL byte (0x00) in the data', line: 3 }]);
  });

  it('reports wrong_delimiter naming the delimiter the header looks like, and stops', async () => {
    // Act
    const { result } = await only('name;age;score\nann;30;1\n');

    // Assess
    expect(result.issues).toEqual([
      {
        code: 'wrong_delimiter',
        message: 'the header has one field but looks delimited by ";" (found 2 times); the contract says ","',
        line: 1,
      },
    ]);
    expect(result.rows).toBe(0);
  });

  it('reports ragged_row for rows with too many or too few fields, and skips their values', async () => {
    // Act
    const { result } = await only('name,age,score\nann,30,1,extra\nbob,x\ncid,40,2\n');

    // Assess
    expect(result.issues).toEqual([
      { code: 'ragged_row', message: 'the row has 4 fields, the header has 3', line: 2, row: 1 },
      { code: 'ragged_row', message: 'the row has 2 fields, the header has 3', line: 3, row: 2 },
    ]);
    expect(result.profile.rows).toBe(1);
  });

  it('reports unterminated_quote at the line where the quote opens', async () => {
    // Act
    const { result } = await only('name,age,score\nann,30,1\n"bob,31,2\ncid,40,3\n');

    // Assess
    expect(result.issueCounts).toEqual({ unterminated_quote: 1, ragged_row: 1 });
    expect(result.issues).toContainEqual({
      code: 'unterminated_quote',
      message: 'a quoted field is still open at the end of the file',
      line: 3,
      row: 2,
      column: 'name',
    });
  });

  it('reports bare_quote for a quote inside an unquoted field', async () => {
    // Act
    const { result } = await only('name,age,score\nan"n,30,1\n');

    // Assess
    expect(result.issues).toEqual([
      { code: 'bare_quote', message: 'a quote inside an unquoted field', line: 2, row: 1, column: 'name' },
    ]);
  });

  it('reports bare_quote for text after a closing quote', async () => {
    // Act
    const { result } = await only('name,age,score\n"ann"x,30,1\n');

    // Assess
    expect(result.issues).toEqual([
      {
        code: 'bare_quote',
        message: 'text after the closing quote of a quoted field',
        line: 2,
        row: 1,
        column: 'name',
      },
    ]);
  });

  it('reports duplicate_column and checks the first of the two', async () => {
    // Act
    const { result } = await only('name,age,score,age\nann,30,1,x\n');

    // Assess
    expect(result.issues).toEqual([
      { code: 'duplicate_column', message: 'column "age" appears at positions 2 and 4', line: 1, column: 'age' },
    ]);
  });

  it('reports empty_column_name with its position', async () => {
    // Act
    const { result } = await only(
      'name,age,score,\nann,30,1,x\n',
      contractOf(people.columns, { extraColumns: 'allow' }),
    );

    // Assess
    expect(result.issues).toEqual([{ code: 'empty_column_name', message: 'header field 4 has no name', line: 1 }]);
  });

  it('reports missing_column and unexpected_column', async () => {
    // Act
    const { result } = await only('name,age,nickname\nann,30,annie\n');

    // Assess
    expect(result.issues).toEqual([
      {
        code: 'unexpected_column',
        message: 'column "nickname" is not in the contract (extraColumns: reject)',
        line: 1,
        column: 'nickname',
      },
      { code: 'missing_column', message: 'column "score" is missing from the header', line: 1, column: 'score' },
    ]);
  });

  it('accepts extra columns with extraColumns: allow', async () => {
    // Act
    const { result } = await only(
      'name,age,score,nickname\nann,30,1,annie\n',
      contractOf(people.columns, { extraColumns: 'allow' }),
    );

    // Assess
    expect(result.passed).toBe(true);
  });

  it('reports column_order with ordered: true, and not without it', async () => {
    // Prepare
    const input = 'age,name,score\n30,ann,1\n';

    // Act
    const ordered = await only(input, contractOf(people.columns, { ordered: true }));
    const unordered = await only(input);

    // Assess
    expect(ordered.result.issues).toEqual([
      {
        code: 'column_order',
        message: 'column "age" is where the contract expects "name" (ordered: true)',
        line: 1,
        column: 'age',
      },
    ]);
    expect(unordered.result.passed).toBe(true);
  });

  it('reports missing_value for an empty cell in a column that is not nullable (never reading it as 0)', async () => {
    // Act
    const { result } = await only('name,age,score\nann,,\n');

    // Assess
    expect(result.issues).toEqual([
      {
        code: 'missing_value',
        message: 'empty value in a column that is not nullable',
        line: 2,
        row: 1,
        column: 'age',
      },
    ]);
    expect(result.profile.columns.age).toMatchObject({ count: 0, nulls: 1, min: null });
    expect(result.profile.columns.score).toMatchObject({ count: 0, nulls: 1 });
  });

  it('treats the contract nullValues as missing, and an empty cell as text when it is not listed', async () => {
    // Prepare
    const contract = contractOf(people.columns, { nullValues: ['NA'] });

    // Act
    const { result } = await only('name,age,score\nann,NA,NA\nbob,31,\n', contract);

    // Assess
    expect(result.issues).toEqual([
      {
        code: 'missing_value',
        message: 'null value "NA" in a column that is not nullable',
        line: 2,
        row: 1,
        column: 'age',
      },
      { code: 'not_a_number', message: '"" is not a number', line: 3, row: 2, column: 'score' },
    ]);
  });

  it.each(['NaN', 'nan', 'Infinity', '-inf', '+INF', '1e999'])('reports non_finite_number for %s', async (value) => {
    // Act
    const { result } = await only(`name,age,score\nann,30,${value}\n`);

    // Assess
    expect(result.issues).toEqual([
      { code: 'non_finite_number', message: `"${value}" is not a finite number`, line: 2, row: 1, column: 'score' },
    ]);
  });

  it.each([
    ['"52,000.50"', '"52,000.50" is not a number (thousands separators are not allowed)'],
    ['abc', '"abc" is not a number'],
    [' 5', '" 5" is not a number (leading or trailing whitespace)'],
    ['0x1A', '"0x1A" is not a number'],
    ['1.2.3', '"1.2.3" is not a number'],
    ['1e', '"1e" is not a number'],
  ])('reports not_a_number for %s', async (value, message) => {
    // Act
    const { result } = await only(`name,age,score\nann,30,${value}\n`);

    // Assess
    expect(result.issues).toEqual([{ code: 'not_a_number', message, line: 2, row: 1, column: 'score' }]);
  });

  it.each([
    ['1.5', '"1.5" is not an integer (write integers as digits only)'],
    ['30.0', '"30.0" is not an integer (write integers as digits only)'],
    ['1e3', '"1e3" is not an integer (write integers as digits only)'],
    ['thirty', '"thirty" is not an integer'],
  ])('reports not_an_integer for %s', async (value, message) => {
    // Act
    const { result } = await only(`name,age,score\nann,${value},1\n`);

    // Assess
    expect(result.issues).toEqual([{ code: 'not_an_integer', message, line: 2, row: 1, column: 'age' }]);
  });

  it('reports not_a_boolean for values other than true, false, 1 and 0', async () => {
    // Prepare
    const contract = contractOf({ flag: { type: 'boolean' } });

    // Act
    const { result } = await only('flag\ntrue\nFALSE\n1\n0\nyes\n', contract);

    // Assess
    expect(result.issues).toEqual([
      {
        code: 'not_a_boolean',
        message: '"yes" is not a boolean (true, false, 1 or 0)',
        line: 6,
        row: 5,
        column: 'flag',
      },
    ]);
    expect(result.profile.columns.flag.valueCounts).toEqual({ true: 2, false: 2 });
  });

  it.each(['2024-02-30', '2024-01-01T10:00:00', '2024-13-01', '01/02/2024', '2024-01-01T25:00:00Z'])(
    'reports not_a_timestamp for %s',
    async (value) => {
      // Prepare
      const contract = contractOf({ at: { type: 'timestamp' } });

      // Act
      const { result } = await only(`at\n2024-02-29T12:00:00+01:00\n${value}\n`, contract);

      // Assess
      expect(result.issues).toEqual([
        {
          code: 'not_a_timestamp',
          message: `"${value}" is not an RFC 3339 date or date-time with offset`,
          line: 3,
          row: 2,
          column: 'at',
        },
      ]);
    },
  );

  it('reports below_min and above_max for numbers and timestamps', async () => {
    // Prepare
    const contract = contractOf({
      age: { type: 'integer', min: 0, max: 120 },
      at: { type: 'timestamp', min: '2020-01-01', max: '2030-01-01T00:00:00Z' },
    });

    // Act
    const { result } = await only('age,at\n-1,2019-12-31\n121,2030-01-01T00:00:01Z\n0,2020-01-01\n', contract);

    // Assess
    expect(result.issues).toEqual([
      { code: 'below_min', message: '-1 is below the minimum 0', line: 2, row: 1, column: 'age' },
      { code: 'below_min', message: '2019-12-31 is below the minimum 2020-01-01', line: 2, row: 1, column: 'at' },
      { code: 'above_max', message: '121 is above the maximum 120', line: 3, row: 2, column: 'age' },
      {
        code: 'above_max',
        message: '2030-01-01T00:00:01Z is above the maximum 2030-01-01T00:00:00Z',
        line: 3,
        row: 2,
        column: 'at',
      },
    ]);
  });

  it('reports not_in_values for categories and numbers', async () => {
    // Prepare
    const contract = contractOf({
      plan: { type: 'category', values: ['basic', 'pro'] },
      churn: { type: 'integer', values: [0, 1] },
    });

    // Act
    const { result } = await only('plan,churn\nbasic,0\nPro,2\n', contract);

    // Assess
    expect(result.issues).toEqual([
      { code: 'not_in_values', message: '"Pro" is not one of "basic", "pro"', line: 3, row: 2, column: 'plan' },
      { code: 'not_in_values', message: '"2" is not one of 0, 1', line: 3, row: 2, column: 'churn' },
    ]);
  });

  it('reports pattern_mismatch when the pattern does not match the whole value', async () => {
    // Prepare
    const contract = contractOf({ id: { type: 'string', pattern: 'CUST-\\d{5}' } });

    // Act
    const { result } = await only('id\nCUST-00001\nCUST-000012\nX-CUST-00001\n', contract);

    // Assess
    expect(result.issues).toEqual([
      {
        code: 'pattern_mismatch',
        message: '"CUST-000012" does not match the pattern CUST-\\d{5}',
        line: 3,
        row: 2,
        column: 'id',
      },
      {
        code: 'pattern_mismatch',
        message: '"X-CUST-00001" does not match the pattern CUST-\\d{5}',
        line: 4,
        row: 3,
        column: 'id',
      },
    ]);
  });

  it('reports duplicate_value with the row where the value first appeared', async () => {
    // Prepare
    const contract = contractOf({ id: { type: 'string', unique: true }, n: { type: 'integer' } });

    // Act
    const { result } = await only('id,n\na,1\nb,2\na,3\n"b",4\n', contract);

    // Assess
    expect(result.issues).toEqual([
      { code: 'duplicate_value', message: '"a" already appears in row 1', line: 4, row: 3, column: 'id' },
      { code: 'duplicate_value', message: '"b" already appears in row 2', line: 5, row: 4, column: 'id' },
    ]);
  });

  it('reports duplicates in file order among thousands of values, whatever the chunking', async () => {
    // Prepare
    const contract = contractOf({ id: { type: 'string', unique: true }, n: { type: 'integer' } });
    const ids = Array.from({ length: 3000 }, (_, k) => `id-${k}`);
    ids[1499] = 'id-3';
    ids[1500] = 'id-1499';
    ids[2999] = 'id-3';
    const input = `id,n\n${ids.map((id, k) => `${id},${k === 2000 ? 'x' : k}`).join('\n')}\n`;

    // Act
    const results = await Promise.all([7, 1000, 1 << 16].map((size) => validate(input, contract, size)));

    // Assess
    for (const result of results) {
      expect(result.issues).toEqual([
        { code: 'duplicate_value', message: '"id-3" already appears in row 4', line: 1501, row: 1500, column: 'id' },
        { code: 'not_an_integer', message: '"x" is not an integer', line: 2002, row: 2001, column: 'n' },
        { code: 'duplicate_value', message: '"id-3" already appears in row 4', line: 3001, row: 3000, column: 'id' },
      ]);
    }
  });

  it('reports repeated_header for a header line inside the data', async () => {
    // Act
    const { result } = await only('name,age,score\nann,30,1\nname,age,score\nbob,31,2\n');

    // Assess
    expect(result.issues).toEqual([
      { code: 'repeated_header', message: 'the header line is repeated inside the data', line: 3, row: 2 },
    ]);
    expect(result.profile.rows).toBe(2);
  });

  it('reports too_few_rows and too_many_rows against the contract bounds', async () => {
    // Prepare
    const input = 'name,age,score\nann,30,1\nbob,31,2\n';

    // Act
    const few = await only(input, contractOf(people.columns, { rows: { min: 3 } }));
    const many = await only(input, contractOf(people.columns, { rows: { max: 1 } }));

    // Assess
    expect(few.result.issues).toEqual([
      { code: 'too_few_rows', message: '2 data rows, the contract wants at least 3' },
    ]);
    expect(many.result.issues).toEqual([
      { code: 'too_many_rows', message: '2 data rows, the contract allows at most 1' },
    ]);
  });

  it('reports null_fraction_exceeded for a column above its maxNullFraction', async () => {
    // Prepare
    const contract = contractOf({ a: { type: 'integer', nullable: true, maxNullFraction: 0.25 } });

    // Act
    const { result } = await only('a\n1\n""\n""\n4\n', contract);

    // Assess
    expect(result.issues).toEqual([
      {
        code: 'null_fraction_exceeded',
        message: '2 nulls in 4 rows (50.00 %), above maxNullFraction 0.25',
        column: 'a',
      },
    ]);
  });

  it('reports positive_rate_out_of_range for a binary target', async () => {
    // Prepare
    const contract = contractOf(
      { y: { type: 'integer', values: [0, 1] } },
      { target: { column: 'y', positiveRate: { min: 0.5 } } },
    );

    // Act
    const { result } = await only('y\n0\n0\n0\n1\n', contract);

    // Assess
    expect(result.issues).toEqual([
      {
        code: 'positive_rate_out_of_range',
        message: 'positive rate 25.00 % (1 of 4, positive = 1) is outside [0.5, inf]',
        column: 'y',
      },
    ]);
  });

  it('counts the second listed value as positive for a two-value category target', async () => {
    // Prepare
    const contract = contractOf(
      { y: { type: 'category', values: ['stay', 'leave'] } },
      { target: { column: 'y', positiveRate: { max: 0.1 } } },
    );

    // Act
    const { result } = await only('y\nstay\nleave\n', contract);

    // Assess
    expect(result.issues[0].message).toBe('positive rate 50.00 % (1 of 2, positive = "leave") is outside [-inf, 0.1]');
  });

  it('reports class_share_too_low for rare and absent classes of a multiclass target', async () => {
    // Prepare
    const contract = contractOf(
      { y: { type: 'integer', values: [0, 1, 2] } },
      { target: { column: 'y', minClassShare: 0.2 } },
    );

    // Act
    const { result } = await only(`y\n${'0\n'.repeat(9)}1\n`, contract);

    // Assess
    expect(result.issues).toEqual([
      { code: 'class_share_too_low', message: 'class 1 has a share of 10.00 % (1 of 10), below 20.00 %', column: 'y' },
      { code: 'class_share_too_low', message: 'class 2 has a share of 0.00 % (0 of 10), below 20.00 %', column: 'y' },
    ]);
  });

  it('reports field_too_long with its column and still checks the other cells and rows', async () => {
    // Prepare
    const contract = contractOf(people.columns, { limits: { maxFieldBytes: 16 } });
    const input = `name,age,score\n${'x'.repeat(40)},abc,1\nbob,31,2\n`;

    // Act
    const results = await Promise.all(CHUNK_SIZES.map((size) => validate(input, contract, size)));

    // Assess
    for (const result of results) {
      expect(result.issues).toEqual([
        {
          code: 'field_too_long',
          message: 'the field is longer than 16 bytes (limits.maxFieldBytes)',
          line: 2,
          row: 1,
          column: 'name',
        },
        { code: 'not_an_integer', message: '"abc" is not an integer', line: 2, row: 1, column: 'age' },
      ]);
      expect(result.profile.columns.name).toMatchObject({ count: 1, invalid: 1 });
    }
  });

  it('reports a 20 MB quoted field as field_too_long and reads on, in chunks of 64 KiB', async () => {
    // Prepare
    const contract = contractOf(people.columns);
    const huge = `"${'ab\n'.repeat(7_000_000)}"`;
    const input = `name,age,score\n${huge},30,1\nbob,31,2\ncid,x,3\n`;

    // Act
    const result = await validate(input, contract, 1 << 16);

    // Assess
    expect(result.rows).toBe(3);
    expect(result.issues).toEqual([
      {
        code: 'field_too_long',
        message: 'the field is longer than 1048576 bytes (limits.maxFieldBytes)',
        line: 2,
        row: 1,
        column: 'name',
      },
      { code: 'not_an_integer', message: '"x" is not an integer', line: 7_000_004, row: 3, column: 'age' },
    ]);
  });

  it('throws naming format.delimiter when the delimiter is not one ASCII character', async () => {
    // Prepare
    const contract = contractOf(people.columns, { format: { delimiter: '§' } });

    // Act
    const run = validate('name§age§score\n', contract);

    // Assess
    await expect(run).rejects.toThrow('format.delimiter "§" is not supported');
  });

  it('reads a contract delimiter other than a comma', async () => {
    // Prepare
    const contract = contractOf(people.columns, { format: { delimiter: ';' } });

    // Act
    const result = await validate('name;age;score\n"a;b";30;1,5\n', contract);

    // Assess
    expect(result.issues).toEqual([
      { code: 'not_a_number', message: '"1,5" is not a number', line: 2, row: 1, column: 'score' },
    ]);
  });

  it('keeps the first maxIssuesPerCode issues of each code and counts them all', async () => {
    // Prepare
    const contract = contractOf(people.columns, { limits: { maxIssuesPerCode: 3 } });
    const input = `name,age,score\n${'ann,x,1\n'.repeat(1000)}bob,31,y\n`;

    // Act
    const { result } = await only(input, contract);

    // Assess
    expect(result.issueCounts).toEqual({ not_an_integer: 1000, not_a_number: 1 });
    expect(result.issues.map((issue) => [issue.code, issue.row])).toEqual([
      ['not_an_integer', 1],
      ['not_an_integer', 2],
      ['not_an_integer', 3],
      ['not_a_number', 1001],
    ]);
  });

  it('gives physical lines that count CRLF and the newlines inside quoted fields', async () => {
    // Prepare
    const input = 'name,age,score\r\n"ann\r\nsmith",30,1\r\n\r\n"bob\n\njones",x,2\r\n';

    // Act
    const results = await Promise.all(CHUNK_SIZES.map((size) => validate(input, people, size)));

    // Assess
    for (const result of results) {
      expect(result.issues).toEqual([
        { code: 'not_an_integer', message: '"x" is not an integer', line: 7, row: 2, column: 'age' },
      ]);
    }
  });
});
