import path from 'node:path';
import { runCommand } from './support/runCommand.js';

const repoRoot = path.join(__dirname, '..', '..', '..');

const run = (args: string[]) => runCommand(['demo', ...args], repoRoot);

/** The timeline line of an event, by service, event and decision (times and ids vary). */
const timelineLine = (service: string, event: string, decision: string) =>
  new RegExp(
    `^ {3}\\d\\d:\\d\\d:\\d\\d {2}${service} +${event} +${decision.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `,
    'm',
  );

describe('fleet demo', () => {
  it('exits 0 and narrates the loop: validated, debounced, one run started and succeeded, the broken file rejected', async () => {
    // Act
    const { code, stdout, stderr } = await run([]);

    // Assess
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const order = [
      timelineLine('s3', 'Object Created', 'delivered'),
      timelineLine('validate-dataset', 'Dataset Validated', 'validated'),
      timelineLine('trigger-retraining', 'Retraining Skipped', 'skipped: debounced'),
      timelineLine('scheduler', 'Schedule fired', 'due'),
      timelineLine('trigger-retraining', 'Retraining Started', 'started'),
      timelineLine('sagemaker', 'Pipeline Status Change', 'executing'),
      timelineLine('sagemaker', 'Pipeline Status Change', 'succeeded'),
      timelineLine('trigger-retraining', 'Retraining Succeeded', 'succeeded'),
      timelineLine('validate-dataset', 'Dataset Rejected', 'rejected'),
    ].map((pattern) => stdout.search(pattern));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(stdout).toContain('"Three year" is not one of "Month-to-month", "One year", "Two year" [not_in_values]');
    expect(stdout).toMatch(
      /^ {3}\d\d:\d\d:\d\d {2}PIPELINE#churn-retrain +trigger +started +churn-retrain\/\w+ succeeded at/m,
    );
    expect(stdout).toMatch(
      /^ {3}\d\d:\d\d:\d\d {2}DATASET#churn +validation +rejected +raw\/churn\/churn_broken\.csv: 300 rows, 6 issues/m,
    );
    expect(stdout.match(/^ {3}\d\d:\d\d:\d\d {2}trigger-retraining +Retraining Started /gm)).toHaveLength(1);
    expect(stdout).toMatch(/^The loop completed: \d+\.\d s of wall-clock time for \d+ min on the local clock\.$/m);
  });

  it('prints a machine-readable report with --json', async () => {
    // Act
    const { code, stdout } = await run(['--json']);

    // Assess
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      ok: boolean;
      checks: { name: string; ok: boolean }[];
      executions: { status: string }[];
      timeline: { event: string }[];
      records: { kind: string; decision: string }[];
    };
    expect(report.ok).toBe(true);
    expect(report.checks.map((check) => check.ok)).toEqual(report.checks.map(() => true));
    expect(report.executions.map((execution) => execution.status)).toEqual(['Succeeded']);
    expect(report.timeline.map((entry) => entry.event)).toContain('Retraining Succeeded');
    expect(report.records.map((record) => `${record.kind} ${record.decision}`)).toEqual([
      'validation validated',
      'trigger skipped: debounced',
      'trigger started',
      'validation rejected',
    ]);
  });

  it('exits 1 with the reason when the loop does not complete', async () => {
    // Act: the first landing is the broken file, so nothing is validated and nothing runs.
    const { code, stdout } = await run(['--quiet', '--dataset', 'examples/demo/churn_broken.csv']);

    // Assess
    expect(code).toBe(1);
    expect(stdout).toBe(
      'fleet demo: the loop did not complete: dataset validated: no Dataset Validated for raw/churn/churn_broken.csv' +
        ' (it was rejected: not_an_integer, not_in_values, below_min, duplicate_value, too_few_rows)\n',
    );
  });

  it('exits 2 on an unknown option', async () => {
    // Act
    const { code, stderr } = await run(['--fast']);

    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain("Unknown option '--fast'");
  });
});
