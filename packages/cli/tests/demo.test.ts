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
  it('exits 0 and narrates the loop: validated, debounced, one run started and succeeded, its package approved in Slack, the broken file rejected', async () => {
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
      timelineLine('sagemaker', 'Package State Change', 'pending approval'),
      timelineLine('approval-callback', 'Approval Requested', 'requested'),
      timelineLine('trigger-retraining', 'Retraining Succeeded', 'succeeded'),
      /^ {3}│ \[ Approve \] {2}\[ Reject \]$/m,
      /^ {3}→ HTTP 200 in \d+ ms; ephemeral reply to @ana: "You approved churn\."$/m,
      timelineLine('approval-callback', 'Approval Decided', 'approved'),
      timelineLine('sagemaker', 'Package State Change', 'approved'),
      /^ {3}Model Registry: churn\/1 is Approved \("Approved by @ana \(U0FLEETAPPROVER\) in Slack at .*; roc_auc 0\.88 vs no champion"\)$/m,
      timelineLine('validate-dataset', 'Dataset Rejected', 'rejected'),
      /^ {3}300 InvokeEndpoint requests to churn \(text\/csv: .* of examples\/datasets\/churn_baseline\.csv\): 300 captured/m,
      /^ {3}Drift record, window .*: 300 predictions, no_drift; nothing drifted/m,
      /^ {3}Report: s3:\/\/fleet-local-data-[^/]+\/reports\/drift\/churn\/.+\/report\.html$/m,
      /^ {3}300 InvokeEndpoint requests to churn \(text\/csv: .* of examples\/datasets\/churn_drifted\.csv\): 300 captured/m,
      timelineLine('drift-monitor', 'Drift Detected', 'warning'),
      /^ {3}Drift record, window .*: 300 predictions, drift \(warning, streak 1\); drifted: /m,
      timelineLine('drift-monitor', 'Drift Detected', 'critical'),
      /^ {3}Drift record, window .*: 300 predictions, drift \(critical, streak 2\); drifted: /m,
      /^ {3}│ :rotating_light: Drift critical: churn$/m,
      /^ {3}│ PLOCAL\d+ {2}TRIGGERED {2}critical$/m,
      /^ {3}│ opened \d{4}-\d\d-\d\d \d\d:\d\d UTC · fleet-local · dedup key fleet-local-drift-churn$/m,
      /^ {3}trigger-retraining (started a run for the drift: |did not start a run for the critical drift: skipped, [a-z-]+)/m,
      /^ {3}300 InvokeEndpoint requests to churn \(text\/csv: .* of rows 301-600 of examples\/datasets\/churn_baseline\.csv\): 300 captured/m,
      timelineLine('drift-monitor', 'Drift Cleared', 'cleared critical'),
      /^ {3}│ :white_check_mark: Drift cleared: churn$/m,
      /^ {3}│ PLOCAL\d+ {2}RESOLVED {2}critical$/m,
      /^ {3}│ opened \d{4}-\d\d-\d\d \d\d:\d\d UTC · resolved \d{4}-\d\d-\d\d \d\d:\d\d UTC · fleet-local · dedup key fleet-local-drift-churn$/m,
      /^ {3}ok {4}incident resolved when drift cleared: Drift Cleared: from critical; incidents: PLOCAL\d+ resolved/m,
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
    // The first landing starts one run; the nightly schedule starts one a day while the traffic is judged.
    expect(
      stdout.match(
        /^ {3}\d\d:\d\d:\d\d {2}trigger-retraining +Retraining Started +started +churn-retrain\/\w+: \d+ dataset landing/gm,
      ),
    ).toHaveLength(1);
    expect(stdout).toMatch(
      /^ {3}ok {4}retrain answered the critical drift: (Retraining Started for drift|skipped: [a-z-]+)/m,
    );
    // An approved package goes on to its deployment, whose records may follow in the chain.
    expect(stdout).toMatch(
      /^ {3}validation validated → trigger skipped: debounced → trigger started → approval approved( → .+)?$/m,
    );
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
      timeline: { event: string; why: string }[];
      records: { kind: string; decision: string }[];
      scenario: string;
      slack: { messages: { method: string; body: { channel?: string; text?: string; blocks?: unknown[] } }[] };
      pagerduty: { events: unknown[] };
      drift: {
        traffic: { file: string; requests: number; captured: number }[];
        verdicts: { status: string; severity?: string; predictions?: number; reportKey?: string }[];
        detected: { severity: string; reportKey?: string }[];
        cleared: { previousSeverity: string; reportKey?: string }[];
        incidents: { status: string; statusAfterCritical?: string; severity: string }[];
        retrain?: { decision: string };
      };
      approval: {
        approvalId: string;
        slackMessage: { lines: string[] };
        clicks: { status: number; replies: string[]; signature: string }[];
        decisions: { approvalId: string; decision: string; decidedBy: string }[];
        packages: { status: string; approvalDescription?: string }[];
      };
    };
    expect(report.ok).toBe(true);
    expect(report.checks.map((check) => check.ok)).toEqual(report.checks.map(() => true));
    // The landing's run, then one nightly scheduled run a day while the traffic is judged.
    expect(report.executions.map((execution) => execution.status)).toEqual([
      'Succeeded',
      'Succeeded',
      'Succeeded',
      'Succeeded',
      'Succeeded',
    ]);
    expect(report.timeline.map((entry) => entry.event)).toContain('Retraining Succeeded');
    const loopKinds = new Set(['validation', 'trigger', 'approval']);
    expect(
      report.records
        .filter((record) => loopKinds.has(record.kind))
        .slice(0, 5)
        .map((record) => `${record.kind} ${record.decision}`),
    ).toEqual([
      'validation validated',
      'trigger skipped: debounced',
      'trigger started',
      'approval approved',
      'validation rejected',
    ]);
    expect(report.records.filter((record) => record.kind === 'drift').map((record) => record.decision)).toEqual([
      'no_drift',
      'drift (warning)',
      'drift (critical)',
      'no_drift',
    ]);
    const { drift } = report;
    expect(drift.traffic.map((t) => [t.file, t.requests, t.captured])).toEqual([
      ['examples/datasets/churn_baseline.csv', 300, 300],
      ['examples/datasets/churn_drifted.csv', 300, 300],
      ['examples/datasets/churn_drifted.csv', 300, 300],
      ['examples/datasets/churn_baseline.csv', 300, 300],
    ]);
    expect(drift.verdicts.map((v) => [v.status, v.severity, v.predictions])).toEqual([
      ['no_drift', undefined, 300],
      ['drift', 'warning', 300],
      ['drift', 'critical', 300],
      ['no_drift', undefined, 300],
    ]);
    expect(drift.detected).toEqual([
      { severity: 'warning', reportKey: drift.verdicts[1].reportKey },
      { severity: 'critical', reportKey: drift.verdicts[2].reportKey },
    ]);
    expect(drift.cleared).toEqual([{ previousSeverity: 'critical', reportKey: drift.verdicts[3].reportKey }]);
    expect(drift.incidents).toEqual([
      expect.objectContaining({ statusAfterCritical: 'triggered', status: 'resolved', severity: 'critical' }),
    ]);
    expect(drift.retrain).toBeDefined();
    // What the fleet sent Slack and PagerDuty, as the stand-ins received it.
    const [first, ...rest] = report.slack.messages;
    expect(first).toMatchObject({
      method: 'chat.postMessage',
      body: { channel: 'C0FLEETML', text: expect.stringContaining('Approval needed: churn version 1') },
    });
    expect(first.body.blocks).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'actions' })]));
    expect(rest).toContainEqual(
      expect.objectContaining({ method: 'chat.update', body: expect.objectContaining({ channel: 'C0FLEETML' }) }),
    );
    expect(report.slack.messages.every((m) => ['chat.postMessage', 'chat.update'].includes(m.method))).toBe(true);
    expect(JSON.stringify(report.slack.messages)).toContain('Drift');
    expect(report.pagerduty.events).toEqual([
      expect.objectContaining({
        routing_key: expect.stringMatching(/^\w{32}$/),
        event_action: 'trigger',
        payload: expect.objectContaining({ severity: 'critical', class: 'Drift Detected' }),
      }),
      expect.objectContaining({ event_action: 'resolve', dedup_key: 'fleet-local-drift-churn' }),
    ]);
    expect(report.scenario).toBe('approve');
    const { approval } = report;
    expect(approval.slackMessage.lines).toContain('[ Approve ]  [ Reject ]');
    expect(approval.clicks).toEqual([
      expect.objectContaining({
        status: 200,
        replies: ['You approved churn.'],
        signature: expect.stringMatching(/^v0=[0-9a-f]{64}$/),
      }),
    ]);
    expect(approval.decisions).toEqual([
      expect.objectContaining({ approvalId: approval.approvalId, decision: 'approved', decidedBy: 'U0FLEETAPPROVER' }),
    ]);
    expect(approval.packages.map((item) => item.status)).toEqual(['Approved']);
    expect(
      report.timeline.filter((entry) => entry.event === 'Approval Decided' && entry.why.startsWith('churn/1 ')),
    ).toEqual([expect.objectContaining({ decision: 'approved' })]);
  });

  it('rejects a regressing challenger of the nightly run without asking anyone with --scenario regression', async () => {
    // Act
    const { code, stdout } = await run(['--scenario', 'regression', '--json']);

    // Assess
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      ok: boolean;
      checks: { name: string; ok: boolean }[];
      approval: {
        decisions: { decision: string; decidedBy: string }[];
        packages: { status: string; approvalDescription?: string }[];
      };
      timeline: { event: string; decision?: string }[];
    };
    expect(report.ok).toBe(true);
    expect(report.checks.find((check) => check.name === 'challenger rejected by the quality gate')?.ok).toBe(true);
    expect(report.approval.decisions.map((d) => [d.decision, d.decidedBy])).toEqual([
      ['approved', 'U0FLEETAPPROVER'],
      ['rejected', 'fleet:quality-gate'],
    ]);
    expect(report.approval.packages.map((item) => item.status)).toEqual(['Approved', 'Rejected']);
    expect(report.approval.packages[1].approvalDescription).toContain('roc_auc 0.84 vs champion 0.88');
    expect(report.timeline.filter((entry) => entry.event === 'Approval Requested')).toHaveLength(1);
  });

  it('lets the approval expire and answers a late click with "expired" with --scenario expired', async () => {
    // Act
    const { code, stdout } = await run(['--scenario', 'expired']);

    // Assess
    expect(code).toBe(0);
    expect(stdout).toMatch(timelineLine('approval-callback', 'Approval Decided', 'expired'));
    expect(stdout).not.toMatch(timelineLine('approval-callback', 'Approval Decided', 'approved'));
    expect(stdout).toMatch(/^ {3}Model Registry: churn\/1 is PendingManualApproval$/m);
    expect(stdout).toMatch(
      /^ {3}→ HTTP 200 in \d+ ms; ephemeral reply to @ana: "This approval of churn expired at .*; nothing changed\."$/m,
    );
    expect(stdout).toMatch(/^ {3}ok {4}late click changes nothing: /m);
  });

  it('rolls back the second deployment on an alarm during its canary with --scenario rollback: Deployment Failed, never Model Deployed', async () => {
    // Act
    const { code, stdout } = await run(['--scenario', 'rollback']);

    // Assess
    expect(code).toBe(0);
    const order = [
      timelineLine('approval-callback', 'Model Deployed', 'deployed'),
      /^ {3}\d\d:\d\d:\d\d {2}approval-callback +Approval Requested +requested +churn\/2 /m,
      /^ {3}\d\d:\d\d:\d\d {2}approval-callback +Approval Decided +approved +churn\/2 approved by @ana/m,
      /^ {3}SetAlarmState fleet-local-churn-AllTraffic-Invocation5XXErrors → ALARM at /m,
      timelineLine('sagemaker', 'Endpoint State Change', 'rolling back'),
      timelineLine('approval-callback', 'Deployment Failed', 'failed: rolled_back'),
      /^ {3}Endpoint churn: churn-v1 before, churn-v1 after; Model Registry: churn\/2 is Rejected \("rolled back: /m,
    ].map((pattern) => stdout.search(pattern));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const deployed = stdout.match(/^ {3}\d\d:\d\d:\d\d {2}approval-callback +Model Deployed +deployed +(\S+)/gm) ?? [];
    expect(deployed.map((line) => line.replace(/.* deployed +/, ''))).toEqual(['churn/1']);
    expect(stdout).toMatch(/^ {3}ok {4}deployment rolled back: Deployment Failed \(rolled_back\): /m);
    expect(stdout).toMatch(/^ {3}ok {4}never announced as deployed: 0 Model Deployed for churn\/2$/m);
    expect(stdout).not.toMatch(/Drift record/);
  });

  it('names the scenarios with --list', async () => {
    // Act
    const { code, stdout } = await run(['--list']);

    // Assess
    expect(code).toBe(0);
    expect(
      stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(' ')[0]),
    ).toEqual(['approve', 'regression', 'expired', 'rollback']);
  });

  it('exits 2 on an unknown scenario', async () => {
    // Act
    const { code, stderr } = await run(['--scenario', 'faster']);

    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain('no scenario named faster; the scenarios are approve, regression, expired, rollback');
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
