import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../../drift/tests/support/random.js';
import { runCommand } from './support/runCommand.js';

const repoRoot = join(__dirname, '..', '..', '..');
const baseline = 'examples/datasets/churn_baseline.csv';
const drifted = 'examples/datasets/churn_drifted.csv';
const contract = 'contracts/churn.yaml';

const run = (args: string[], cwd = repoRoot) => runCommand(['drift', ...args], cwd);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fleet-drift-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('fleet drift on the churn example', () => {
  it('exits 1 and reports drift in monthly_charges, tenure_months and contract, not internet_service or senior_citizen', async () => {
    // Act
    const { code, stdout, stderr } = await run([
      '--baseline',
      baseline,
      '--current',
      drifted,
      '--contract',
      contract,
      '--json',
    ]);

    // Assess
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const result = JSON.parse(stdout);
    expect(result.status).toBe('drift');
    expect(result.drifted).toBe(true);
    const flagged = result.features.filter((f: { drifted: boolean }) => f.drifted).map((f: { name: string }) => f.name);
    expect(flagged).toEqual(expect.arrayContaining(['monthly_charges', 'tenure_months', 'contract']));
    expect(flagged).not.toContain('internet_service');
    expect(flagged).not.toContain('senior_citizen');
    expect(result.driftShare).toBeCloseTo(flagged.length / result.features.length, 15);
  });

  it('prints one JSON object with the documented fields', async () => {
    // Act
    const { stdout } = await run(['--baseline', baseline, '--current', drifted, '--contract', contract, '--json']);

    // Assess
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining(['status', 'drifted', 'driftShare', 'features', 'excluded', 'target']),
    );
    for (const feature of result.features) {
      expect(Object.keys(feature)).toEqual(
        expect.arrayContaining([
          'name',
          'kind',
          'test',
          'statistic',
          'threshold',
          'psi',
          'drifted',
          'nBaseline',
          'nCurrent',
        ]),
      );
      expect(['numeric', 'categorical']).toContain(feature.kind);
    }
    expect(result.excluded).toContainEqual({ name: 'customer_id', reason: 'identifier: unique in the contract' });
    expect(result.target.name).toBe('churn');
  });

  it('exits 0 with no drift on two disjoint random halves of the baseline', async () => {
    // Prepare
    const [header, ...rows] = readFileSync(join(repoRoot, baseline), 'utf8').trimEnd().split('\n');
    const random = seededRandom(7);
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [rows[i], rows[j]] = [rows[j], rows[i]];
    }
    const first = join(dir, 'half-a.csv');
    const second = join(dir, 'half-b.csv');
    writeFileSync(first, `${[header, ...rows.slice(0, 4000)].join('\n')}\n`);
    writeFileSync(second, `${[header, ...rows.slice(4000)].join('\n')}\n`);

    // Act
    const { code, stdout } = await run(['--baseline', first, '--current', second, '--contract', contract, '--json']);

    // Assess
    const result = JSON.parse(stdout);
    expect(result.status).toBe('no_drift');
    expect(result.features.filter((f: { drifted: boolean }) => f.drifted)).toEqual([]);
    expect(code).toBe(0);
  });

  it('prints a readable table without --json', async () => {
    // Act
    const { code, stdout } = await run(['--baseline', baseline, '--current', drifted, '--contract', contract]);

    // Assess
    expect(code).toBe(1);
    expect(stdout.split('\n')[0]).toBe('DRIFT (warning)');
    expect(stdout).toMatch(/^monthly_charges\s+numeric\s+wasserstein\s+.*DRIFT$/m);
    expect(stdout).toMatch(/^internet_service\s+categorical\s+jensen-shannon\s+.*ok$/m);
  });

  it('writes the HTML report with --report', async () => {
    // Prepare
    const out = join(dir, 'report.html');

    // Act
    const { code, stdout, stderr } = await run([
      '--baseline',
      baseline,
      '--current',
      drifted,
      '--contract',
      contract,
      '--json',
      '--report',
      out,
    ]);

    // Assess
    expect(code).toBe(1);
    expect(JSON.parse(stdout).status).toBe('drift');
    expect(stderr).toBe(`report written to ${out}\n`);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect((html.match(/<section class="feature"/g) ?? []).length).toBe(8);
  });
});

describe('fleet drift exit codes', () => {
  it('exits 3 with insufficient_data when the current window is too small', async () => {
    // Prepare
    const lines = readFileSync(join(repoRoot, drifted), 'utf8').split('\n');
    const small = join(dir, 'small.csv');
    writeFileSync(small, `${lines.slice(0, 51).join('\n')}\n`);

    // Act
    const { code, stdout } = await run(['--baseline', baseline, '--current', small, '--contract', contract, '--json']);

    // Assess
    expect(code).toBe(3);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ status: 'insufficient_data', drifted: false, driftShare: 0, features: [] });
    expect(result.reasons[0]).toContain('the current data has 50 rows');
  });

  it('excludes an identifier column without a contract and says the kinds are inferred', async () => {
    // Act
    const { stdout } = await run(['--baseline', baseline, '--current', drifted, '--json']);

    // Assess
    const result = JSON.parse(stdout);
    expect(result.excluded).toEqual([{ name: 'customer_id', reason: 'identifier: every baseline value is distinct' }]);
    expect(result.notes.join(' ')).toContain('Kinds inferred from the values');
  });

  it('exits 2 naming the file when the baseline does not exist', async () => {
    // Act
    const { code, stderr } = await run(['--baseline', 'nope.csv', '--current', drifted]);

    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain('cannot read baseline');
    expect(stderr).toContain('nope.csv: ENOENT');
  });

  it('exits 2 naming the field when the config is invalid', async () => {
    // Prepare
    const config = join(dir, 'bad-drift.yaml');
    writeFileSync(config, 'alpha: 0.05\nfeatures:\n  tenure_months: { test: t-test }\n');

    // Act
    const { code, stderr } = await run(['--baseline', baseline, '--current', drifted, '--config', config]);

    // Assess
    expect(code).toBe(2);
    expect(stderr).toMatch(/bad-drift\.yaml: features\.tenure_months\.test: /);
  });

  it('exits 2 when the config asks for a test that does not fit the column', async () => {
    // Prepare
    const config = join(dir, 'mismatch.yaml');
    writeFileSync(config, 'features:\n  contract: { test: ks }\n');

    // Act
    const { code, stderr } = await run([
      '--baseline',
      baseline,
      '--current',
      drifted,
      '--contract',
      contract,
      '--config',
      config,
    ]);

    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain('features.contract.test: "ks" needs a numeric column');
  });

  it('exits 2 naming the contract when it is invalid', async () => {
    // Prepare
    const bad = join(dir, 'bad-contract.yaml');
    writeFileSync(bad, 'dataset: churn\nmatch: raw/\ncolumns: { a: { type: decimal } }\n');

    // Act
    const { code, stderr } = await run(['--baseline', baseline, '--current', drifted, '--contract', bad]);

    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain('bad-contract.yaml: columns.a.type');
  });

  it('exits 2 naming the line when a CSV is malformed', async () => {
    // Prepare
    const ragged = join(dir, 'ragged.csv');
    writeFileSync(ragged, 'a,b\n1,2\n3\n');

    // Act
    const { code, stderr } = await run(['--baseline', ragged, '--current', ragged]);

    // Assess
    expect(code).toBe(2);
    expect(stderr).toMatch(/ragged\.csv:3: not valid CSV/);
  });

  it('exits 2 with the usage when an option is missing or unknown', async () => {
    // Act
    const missing = await run(['--baseline', baseline]);
    const unknown = await run(['--baseline', baseline, '--current', drifted, '--frobnicate']);

    // Assess
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing --current');
    expect(missing.stderr).toContain('usage: fleet drift');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--frobnicate'");
  });

  it('prints the usage and exits 0 with --help', async () => {
    // Act
    const { code, stdout } = await run(['--help']);

    // Assess
    expect(code).toBe(0);
    expect(stdout).toContain('exit codes: 0 no drift, 1 drift, 2 usage or input error, 3 insufficient data');
  });
});

describe('fleet drift with predictions and labels', () => {
  it('exits 1 and reports quality and prediction drift on a labelled example', async () => {
    // Prepare: every prediction right in the baseline; half the positives missed in the current window
    const write = (name: string, degrade: boolean) => {
      const rows = Array.from({ length: 200 }, (_, i) => {
        const y = i % 2;
        const score = y === 1 ? (degrade && i % 4 === 1 ? 0.3 : 0.9) : 0.1;
        return `${i % 10},${score},${y}`;
      });
      const file = join(dir, name);
      writeFileSync(file, `x,score,y\n${rows.join('\n')}\n`);
      return file;
    };
    const config = join(dir, 'labelled.yaml');
    writeFileSync(
      config,
      'prediction: { column: score }\nlabels: { column: y, positive: 1 }\nquality: { allowedDrop: 0.05 }\n',
    );

    // Act
    const { code, stdout } = await run([
      '--baseline',
      write('labelled-baseline.csv', false),
      '--current',
      write('labelled-current.csv', true),
      '--config',
      config,
      '--json',
    ]);

    // Assess
    expect(code).toBe(1);
    const result = JSON.parse(stdout);
    expect(result.features.map((f: { name: string; drifted: boolean }) => [f.name, f.drifted])).toEqual([['x', false]]);
    expect(result.prediction).toMatchObject({ name: 'score', drifted: true });
    expect(result.quality.drifted).toBe(true);
    const recall = result.quality.metrics.find((m: { name: string }) => m.name === 'recall');
    expect(recall).toMatchObject({ baseline: 1, current: 0.5, drop: 0.5, drifted: true });
  });
});
