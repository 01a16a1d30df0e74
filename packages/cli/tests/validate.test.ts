import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../src/runCli.js';

const root = resolve(__dirname, '../../..');

const bufferIo = () => {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: (text: string) => out.push(text), stderr: (text: string) => err.push(text), cwd: root },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
};

const contract = `dataset: tiny
match: raw/tiny/
columns:
  id: { type: string, unique: true }
  age: { type: integer, min: 0, max: 120 }
`;

describe('fleet validate', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fleet-validate-'));
    writeFileSync(join(dir, 'tiny.yaml'), contract);
    writeFileSync(join(dir, 'good.csv'), 'id,age\na,30\nb,40\n');
    writeFileSync(join(dir, 'bad.csv'), 'id,age\na,30\na,abc\nc,200\n');
    writeFileSync(join(dir, 'invalid.yaml'), `${contract}  score: { type: number, min: low }\n`);
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 0 and prints a passing report for data that meets its contract', async () => {
    // Prepare
    const { io, stdout } = bufferIo();

    // Act
    const code = await runCli(
      ['validate', '--contract', 'contracts/churn.yaml', 'examples/datasets/churn_baseline.csv'],
      io,
    );

    // Assess
    expect(code).toBe(0);
    expect(stdout()).toContain('PASSED  examples/datasets/churn_baseline.csv against contract churn');
    expect(stdout()).toContain('8000 data rows');
    expect(stdout()).toMatch(/monthly_charges\s+number\s+8000/);
  });

  it('passes churn_drifted.csv: its 36.4 % churn rate is inside the contract positiveRate of 5-60 %', async () => {
    // Prepare
    const { io, stdout } = bufferIo();

    // Act
    const code = await runCli(
      ['validate', '--json', '--contract', 'contracts/churn.yaml', 'examples/datasets/churn_drifted.csv'],
      io,
    );

    // Assess
    const result = JSON.parse(stdout());
    expect(code).toBe(0);
    expect(Object.keys(result)).toEqual(['passed', 'rows', 'issueCounts', 'issues', 'profile']);
    expect(result).toMatchObject({ passed: true, rows: 8000, issueCounts: {}, issues: [] });
    expect(result.profile.columns.churn.valueCounts).toEqual({ '0': 5092, '1': 2908 });
  });

  it('exits 1 and prints every issue with its line, row and column in JSON', async () => {
    // Prepare
    const { io, stdout } = bufferIo();

    // Act
    const code = await runCli(['validate', '--json', '--contract', join(dir, 'tiny.yaml'), join(dir, 'bad.csv')], io);

    // Assess
    const result = JSON.parse(stdout());
    expect(code).toBe(1);
    expect(result.passed).toBe(false);
    expect(result.issueCounts).toEqual({ duplicate_value: 1, not_an_integer: 1, above_max: 1 });
    expect(result.issues).toEqual([
      { code: 'duplicate_value', message: '"a" already appears in row 1', line: 3, row: 2, column: 'id' },
      { code: 'not_an_integer', message: '"abc" is not an integer', line: 3, row: 2, column: 'age' },
      { code: 'above_max', message: '200 is above the maximum 120', line: 4, row: 3, column: 'age' },
    ]);
  });

  it('prints failing issues in the human report', async () => {
    // Prepare
    const { io, stdout } = bufferIo();

    // Act
    const code = await runCli(['validate', '--contract', join(dir, 'tiny.yaml'), join(dir, 'bad.csv')], io);

    // Assess
    expect(code).toBe(1);
    expect(stdout()).toContain('FAILED');
    expect(stdout()).toContain('not_an_integer: line 3, row 2, column age: "abc" is not an integer');
  });

  it('exits 0 for a small file with its own contract', async () => {
    // Prepare
    const { io, stdout } = bufferIo();

    // Act
    const code = await runCli(['validate', '--contract', join(dir, 'tiny.yaml'), join(dir, 'good.csv')], io);

    // Assess
    expect(code).toBe(0);
    expect(stdout()).toContain('2 data rows');
  });

  it('exits 2 naming the file when the data file is missing', async () => {
    // Prepare
    const { io, stderr } = bufferIo();

    // Act
    const code = await runCli(['validate', '--contract', 'contracts/churn.yaml', 'no/such/file.csv'], io);

    // Assess
    expect(code).toBe(2);
    expect(stderr()).toContain('cannot read no/such/file.csv: ENOENT');
  });

  it('exits 2 when the data path is a directory', async () => {
    // Prepare
    const { io, stderr } = bufferIo();

    // Act
    const code = await runCli(['validate', '--contract', 'contracts/churn.yaml', dir], io);

    // Assess
    expect(code).toBe(2);
    expect(stderr()).toContain(`cannot read ${dir}`);
  });

  it('exits 2 naming the bad field when the contract is invalid', async () => {
    // Prepare
    const { io, stderr } = bufferIo();

    // Act
    const code = await runCli(['validate', '--contract', join(dir, 'invalid.yaml'), join(dir, 'good.csv')], io);

    // Assess
    expect(code).toBe(2);
    expect(stderr()).toContain('columns.score.min: must be a number for a number column');
  });

  it('exits 2 when the contract file is missing', async () => {
    // Prepare
    const { io, stderr } = bufferIo();

    // Act
    const code = await runCli(['validate', '--contract', 'contracts/none.yaml', join(dir, 'good.csv')], io);

    // Assess
    expect(code).toBe(2);
    expect(stderr()).toContain('contract contracts/none.yaml: cannot read contract: ENOENT');
  });

  it.each([
    [['validate', 'examples/datasets/iris.csv'], '--contract <file> is required'],
    [['validate', '--contract', 'contracts/iris.yaml'], 'give exactly one data file'],
    [['validate', '--contract', 'contracts/iris.yaml', 'a.csv', 'b.csv'], 'give exactly one data file'],
    [['validate', '--frobnicate'], "Unknown option '--frobnicate'"],
  ])('exits 2 with the usage for %j', async (argv, message) => {
    // Prepare
    const { io, stderr } = bufferIo();

    // Act
    const code = await runCli(argv, io);

    // Assess
    expect(code).toBe(2);
    expect(stderr()).toContain(message);
    expect(stderr()).toContain('usage: fleet validate');
  });

  it('prints the usage and exits 0 with --help', async () => {
    // Prepare
    const { io, stdout } = bufferIo();

    // Act
    const code = await runCli(['validate', '--help'], io);

    // Assess
    expect(code).toBe(0);
    expect(stdout()).toContain('usage: fleet validate --contract <file> <data.csv> [--json]');
  });
});
