import path from 'node:path';
import { runCli } from '@fleet/cli';

// `fleet demo --scenario faults --seed N` for seeds 1 to 20: every service of the local cloud
// fails a seeded tenth of its calls with its own throttling or 5xx, and the loop still completes
// with nothing done twice and every event handled or dead-lettered with a record.

const repoRoot = path.join(__dirname, '..', '..');
const SEEDS = Array.from({ length: 20 }, (_, index) => index + 1);

/** The part of `fleet demo --json`'s report these checks read. */
type DemoReport = {
  ok: boolean;
  checks: { name: string; ok: boolean; detail: string }[];
  chain?: { records: { kind: string; decision: string }[] };
  faults?: { seed: number; rate: number; faults: number; deadLetters: { error: string }[] };
};

/** Runs the scenario in this process and returns its exit code and its --json report. */
const runFaults = async (seed: number) => {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['demo', '--scenario', 'faults', '--seed', String(seed), '--json'], {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd: repoRoot,
  });
  return { code, stderr, report: JSON.parse(stdout) as DemoReport };
};

const checkOf = (report: DemoReport, name: string) => report.checks.find((check) => check.name === name);

describe('fleet demo --scenario faults', () => {
  it.each(SEEDS)(
    'seed %i: the loop completes under faults, nothing is done twice, every event is handled or dead-lettered with a record',
    async (seed) => {
      // Act
      const { code, stderr, report } = await runFaults(seed);

      // Assess
      const failed = report.checks.filter((check) => !check.ok).map((check) => `${check.name}: ${check.detail}`);
      expect({ seed, failed }).toEqual({ seed, failed: [] });
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(report.ok).toBe(true);
      const faults = report.faults;
      expect(faults?.seed).toBe(seed);
      expect(faults?.rate).toBe(0.1);
      expect(faults?.faults).toBeGreaterThan(0);
      for (const name of [
        'loop completed under faults',
        'no duplicate run',
        'no duplicate Slack message',
        'no duplicate PagerDuty event',
        'one decision per approval',
        'one deployment per approval',
        'every event handled or dead-lettered with a record',
      ]) {
        expect({ seed, name, ok: checkOf(report, name)?.ok }).toEqual({ seed, name, ok: true });
      }
      // Every dead letter says why.
      for (const letter of faults?.deadLetters ?? []) expect(letter.error.length).toBeGreaterThan(0);
      // The first landing's chain reaches its deployment despite the faults.
      expect(report.chain?.records.map((record) => `${record.kind} ${record.decision}`)).toEqual(
        expect.arrayContaining(['validation validated', 'trigger started', 'approval approved', 'deployment deployed']),
      );
    },
    300_000,
  );
});
