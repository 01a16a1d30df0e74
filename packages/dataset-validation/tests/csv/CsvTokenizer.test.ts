import fc from 'fast-check';
import { type CsvRecord, CsvTokenizer, FieldFlag } from '../../src/csv/CsvTokenizer.js';

type Row = { line: number; fields: string[]; flags: number[]; count: number };

const tokenize = (
  input: string | Uint8Array,
  chunkSize: number,
  options: { maxFieldBytes?: number; maxFields?: number } = {},
) => {
  const rows: Row[] = [];
  const tokenizer = new CsvTokenizer({
    delimiter: 0x2c,
    maxFieldBytes: options.maxFieldBytes ?? 1 << 20,
    maxFields: options.maxFields ?? 1000,
    onRecord: (record: CsvRecord) => {
      const fields: string[] = [];
      const flags: number[] = [];
      for (let i = 0; i < record.stored; i++) {
        fields.push(record.data.toString('utf8', record.starts[i], record.ends[i]));
        flags.push(record.flags[i]);
      }
      rows.push({ line: record.line, fields, flags, count: record.count });
    },
  });
  const bytes = typeof input === 'string' ? Buffer.from(input) : input;
  let peak = 0;
  for (let offset = 0; offset < bytes.length; offset += chunkSize) {
    tokenizer.push(bytes.subarray(offset, offset + chunkSize));
    peak = Math.max(peak, tokenizer.bufferBytes);
  }
  tokenizer.end();
  return { rows, line: tokenizer.line, peak };
};

const field = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', '€', '😀') }),
  fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', '\r\n', 'ß') }),
);

const encode = (value: string, forceQuote: boolean) =>
  forceQuote || /[",\r\n]/.test(value) || value === '' ? `"${value.replaceAll('"', '""')}"` : value;

describe('CsvTokenizer', () => {
  it('splits fields and records, unquoting and unescaping', () => {
    // Act
    const { rows } = tokenize('a,"b ""c""",d\n"x\ny",,z\n', 1024);

    // Assess
    expect(rows.map((row) => row.fields)).toEqual([
      ['a', 'b "c"', 'd'],
      ['x\ny', '', 'z'],
    ]);
    expect(rows[0].flags).toEqual([0, FieldFlag.quoted | FieldFlag.escaped, 0]);
  });

  it('gives each record its physical line, counting CRLF once and newlines inside quotes', () => {
    // Act
    const { rows, line } = tokenize('a\r\n"b\r\nc"\r\n\r\nd\re\n', 1024);

    // Assess
    expect(rows.map((row) => [row.line, row.fields[0]])).toEqual([
      [1, 'a'],
      [2, 'b\r\nc'],
      [5, 'd'],
      [6, 'e'],
    ]);
    expect(line).toBe(7);
  });

  it('reads any table written with any quoting and line breaks the same in any chunking', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.integer({ min: 1, max: 17 }),
        (table, newline, quoteAll, chunkSize) => {
          // Prepare
          const text =
            table.map((row) => row.map((value) => encode(value, quoteAll)).join(',')).join(newline) + newline;

          // Act
          const { rows } = tokenize(text, chunkSize);

          // Assess
          expect(rows.map((row) => row.fields)).toEqual(table);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('flags a bare quote in an unquoted field and text after a closing quote', () => {
    // Act
    const { rows } = tokenize('a"b,"c"d,e\n', 3);

    // Assess
    expect(rows[0].flags).toEqual([FieldFlag.bareQuote, FieldFlag.quoted | FieldFlag.bareQuote, 0]);
  });

  it('flags an unterminated quote and keeps the line where it opened', () => {
    // Act
    const { rows } = tokenize('a,b\nc,"d\ne\nf', 2);

    // Assess
    expect(rows[1]).toMatchObject({ line: 2, count: 2 });
    expect(rows[1].flags[1]).toBe(FieldFlag.quoted | FieldFlag.unterminated);
  });

  it('drops the bytes of a field longer than maxFieldBytes as they arrive', () => {
    // Prepare
    const input = `a,"${'x'.repeat(5_000_000)}",b\nc,d,e\n`;

    // Act
    const { rows, peak } = tokenize(input, 1 << 16, { maxFieldBytes: 1000 });

    // Assess
    expect(rows.map((row) => row.fields)).toEqual([
      ['a', '', 'b'],
      ['c', 'd', 'e'],
    ]);
    expect(rows[0].flags[1]).toBe(FieldFlag.quoted | FieldFlag.tooLong);
    expect(peak).toBeLessThan(1 << 18);
  });

  it('counts fields past maxFields without keeping them', () => {
    // Prepare
    const input = `${'v,'.repeat(2_000_000)}v\nx,y\n`;

    // Act
    const { rows, peak } = tokenize(input, 1 << 16, { maxFields: 3 });

    // Assess
    expect(rows.map((row) => [row.count, row.fields])).toEqual([
      [2_000_001, ['v', 'v', 'v']],
      [2, ['x', 'y']],
    ]);
    expect(peak).toBeLessThan(1 << 18);
  });

  it('emits nothing after stop()', () => {
    // Prepare
    const rows: number[] = [];
    const tokenizer = new CsvTokenizer({
      delimiter: 0x2c,
      maxFieldBytes: 100,
      maxFields: 10,
      onRecord: (record) => {
        rows.push(record.line);
        tokenizer.stop();
      },
    });

    // Act
    tokenizer.push(Buffer.from('a\nb\nc\n'));
    tokenizer.end();

    // Assess
    expect(rows).toEqual([1]);
  });
});
