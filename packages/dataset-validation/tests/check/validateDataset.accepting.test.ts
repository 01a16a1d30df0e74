import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadContract } from '@fleet/shared/contract';
import { CHUNK_SIZES, contractOf, validate } from '../support/validate.js';

const people = contractOf({
  name: { type: 'string' },
  age: { type: 'integer', min: 0, max: 120 },
});

const root = resolve(__dirname, '../../../..');

describe('validateDataset accepts', () => {
  it.each([
    ['a UTF-8 byte-order mark', '\uFEFFname,age\nann,30\n'],
    ['CRLF line endings', 'name,age\r\nann,30\r\nbob,31\r\n'],
    ['lone CR line endings', 'name,age\rann,30\rbob,31\r'],
    ['quoted fields with newlines, delimiters and escaped quotes', 'name,age\n"ann\nsmith, ""jr""",30\n"bob\r\n",31\n'],
    ['blank lines anywhere', '\nname,age\n\nann,30\r\n\r\n\nbob,31\n\n'],
    ['no final newline', 'name,age\nann,30\nbob,31'],
    ['a quoted last field with no final newline', 'name,age\nann,"30"'],
    ['non-ASCII text', 'name,age\nZoë Åström 🚀,30\n'],
  ])('%s in every chunking', async (_, input) => {
    // Act
    const results = await Promise.all(CHUNK_SIZES.map((size) => validate(input, people, size)));

    // Assess
    for (const result of results) {
      expect(result.issues).toEqual([]);
      expect(result.passed).toBe(true);
      expect(result.profile.columns.age.count).toBe(result.rows);
    }
  });

  it('strips only one byte-order mark: a second one is part of the first column name', async () => {
    // Act
    const result = await validate('\uFEFF\uFEFFname,age\nann,30\n', people);

    // Assess
    expect(result.issueCounts).toEqual({ unexpected_column: 1, missing_column: 1 });
  });

  it('reads the values of quoted fields without their quotes', async () => {
    // Prepare
    const contract = contractOf({ name: { type: 'string', values: ['a "quoted" name', 'x,y'] } });

    // Act
    const results = await Promise.all(
      CHUNK_SIZES.map((size) => validate('name\n"a ""quoted"" name"\n"x,y"\n', contract, size)),
    );

    // Assess
    for (const result of results) expect(result.issues).toEqual([]);
  });

  it('accepts a single-column file, where every line is one row', async () => {
    // Prepare
    const contract = contractOf({ id: { type: 'integer', unique: true } });

    // Act
    const result = await validate('id\n1\n2\n3', contract);

    // Assess
    expect(result).toMatchObject({ passed: true, rows: 3 });
    expect(result.profile.columns.id).toMatchObject({ count: 3, min: 1, max: 3, mean: 2 });
  });

  it('counts the bytes and rows it read and reports a duration from the injected clock', async () => {
    // Prepare
    let tick = 0;
    const now = () => (tick += 5);
    const { validateDataset } = await import('../../src/index.js');
    async function* source() {
      yield new TextEncoder().encode('name,age\nann,30\n');
    }

    // Act
    const result = await validateDataset(source(), people, { now });

    // Assess
    expect(result).toMatchObject({ bytes: 16, rows: 1, durationMs: 5 });
  });

  it('gives the same result for the churn baseline whatever the chunk size', async () => {
    // Prepare
    const { contract } = loadContract(resolve(root, 'contracts/churn.yaml'));
    const input = readFileSync(resolve(root, 'examples/datasets/churn_baseline.csv'));
    const reference = await validate(input, contract, 1 << 16);

    // Act
    const others = await Promise.all([3, 7, 1001].map((size) => validate(input, contract, size)));

    // Assess
    expect(reference).toMatchObject({ passed: true, rows: 8000, bytes: input.length });
    for (const other of others) expect({ ...other, durationMs: 0 }).toEqual({ ...reference, durationMs: 0 });
  });
});
