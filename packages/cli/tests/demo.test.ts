import path from 'node:path';
import { DEMO_SCENARIOS } from '../src/demo/demoScenarios.js';
import { runCommand } from './support/runCommand.js';

const repoRoot = path.join(__dirname, '..', '..', '..');

const run = (args: string[]) => runCommand(['demo', ...args], repoRoot);

/** How long one run of the demo may take here: on a machine shared with other work, well above its usual 10 to 40 s. */
const DEMO_TIMEOUT_MS = 240_000;

/** The timeline line of an event, by service, event and decision (times and ids vary). */
const timelineLine = (service: string, event: string, decision: string) =>
  new RegExp(
    `^ {3}\\d\\d:\\d\\d:\\d\\d {2}${service} +${event} +${decision.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `,
    'm',
  );

describe('fleet demo', () => {
  it(
    'exits 0 and narrates the whole loop: validated, one run, approved in Slack, deployed, drift warning then critical with labels, a retrain for drift approved and deployed, drift cleared against the new training data',
    async () => {
      // Act
      const { code, stdout, stderr } = await run([]);

      // Assess
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const order = [
        /^ {3}Nightly retraining switched off as an operator would: EventBridge DisableRule fleet-trigger-retraining-local-scheduleTick-rule-1 \(cron\(30 5 \* \* \? \*\)\), now DISABLED/m,
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
        /^ {3}Model Registry: churn\/1 is Approved \("Approved by @ana \(U0FLEETAPPROVER\) in Slack at .*; roc_auc 0\.83 vs no champion"\)$/m,
        timelineLine('validate-dataset', 'Dataset Rejected', 'rejected'),
        /^ {3}300 InvokeEndpoint requests to churn \(text\/csv: customer_id, tenure_months, .*, senior_citizen of rows 1-300 of examples\/datasets\/churn_baseline\.csv; inference id the customer_id\): 300 captured/m,
        /^ {3}Drift record, window .*: 300 predictions, no_drift; nothing drifted/m,
        /^ {3}Baseline \(by lineage: the training data of churn\/1\): s3:\/\/fleet-local-data-[^/]+\/raw\/churn\/churn_baseline\.csv$/m,
        /^ {3}Report: s3:\/\/fleet-local-data-[^/]+\/reports\/drift\/churn\/.+\/report\.html$/m,
        /^ {3}300 InvokeEndpoint requests to churn \(text\/csv: .* of rows 1-300 of examples\/datasets\/churn_drifted\.csv; .*\): 300 captured/m,
        timelineLine('drift-monitor', 'Drift Detected', 'warning'),
        /^ {3}Drift record, window .*: 300 predictions, drift \(warning, streak 1\); drifted: /m,
        /^ {3}300 InvokeEndpoint requests to churn \(text\/csv: .* of rows 301-600 of examples\/datasets\/churn_drifted\.csv; .*\): 300 captured/m,
        /^ {3}Ground truth for the 300 predictions \(their churn column, Model Monitor's merge format, joined by inference id\): s3:\/\/[^/]+\/ground-truth\/churn\/\d{4}\/\d\d\/\d\d\/\d\d\/[\w-]+\.jsonl$/m,
        /^ {3}\d\d:\d\d:\d\d {2}validate-dataset +Dataset Validated +validated +raw\/churn\/churn_labelled_[\d-]+\.csv: 7,000 rows/m,
        timelineLine('trigger-retraining', 'Retraining Skipped', 'skipped: quiet-hours'),
        /^ {3}The data team points churn-retrain's InputDataUri default at it/m,
        timelineLine('drift-monitor', 'Drift Detected', 'critical'),
        /^ {3}\d\d:\d\d:\d\d {2}trigger-retraining +Retraining Started +started +churn-retrain\/\w+: critical drift on model churn/m,
        /^ {3}Drift record, window .*: 300 predictions, drift \(critical, streak 2\); drifted: /m,
        /^ {3}Labels: 300 of 300 predictions labelled \(100 %\); quality drifted against the serving package's evaluation: accuracy 0\.790 → 0\.\d+ \(fell beyond the allowed drop\)/m,
        /^ {3}│ :rotating_light: Drift critical: churn$/m,
        /^ {3}│ PLOCAL\d+ {2}TRIGGERED {2}critical$/m,
        /^ {3}│ opened \d{4}-\d\d-\d\d \d\d:\d\d UTC · fleet-local · dedup key fleet-local-drift-churn$/m,
        /^ {3}trigger-retraining started churn-retrain\/\w+ for the critical drift \(trigger kind drift\)$/m,
        /^ {3}\d\d:\d\d:\d\d {2}approval-callback +Approval Requested +requested +churn\/2 /m,
        /^ {3}│ Approval needed: churn v2$/m,
        /^ {3}\d\d:\d\d:\d\d {2}approval-callback +Approval Decided +approved +churn\/2 approved by @ana/m,
        /^ {3}\d\d:\d\d:\d\d {2}approval-callback +Model Deployed +deployed +churn\/2 serves on endpoint churn/m,
        /^ {3}300 InvokeEndpoint requests to churn \(text\/csv: .* of rows 601-900 of examples\/datasets\/churn_drifted\.csv; .*\): 300 captured/m,
        timelineLine('drift-monitor', 'Drift Cleared', 'cleared critical'),
        /^ {3}Baseline \(by lineage: the training data of churn\/2\): s3:\/\/fleet-local-data-[^/]+\/raw\/churn\/churn_labelled_[\d-]+\.csv$/m,
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
      for (const check of [
        'drift retrain started: 1 run\\(s\\) started for drift, churn-retrain\\/\\w+ \\(trigger kind drift\\) Succeeded',
        'labels joined: Labels: 300 of 300 predictions labelled',
        'new package approved and deployed: churn\\/2: approval approved, Approved in the Model Registry, Model Deployed at',
        'drift cleared against the new training data: last window: no_drift, against s3:\\/\\/\\S+\\/raw\\/churn\\/churn_labelled_',
        "first landing's chain reaches the deployment: [\\w-]+: validation validated → .* → deployment deployed",
      ]) {
        expect(stdout).toMatch(new RegExp(`^ {3}ok {4}${check}`, 'm'));
      }
      // Alarms settling to OK take at most one line per section; the nightly schedule starts nothing.
      for (const section of stdout.split(/^\d+\. /m)) {
        expect(section.match(/^ {3}\d\d:\d\d:\d\d {2}cloudwatch +Alarm State Change +ok /gm)?.length ?? 0).toBeLessThan(
          2,
        );
      }
      expect(stdout).not.toMatch(/scheduleTick-rule-1 → trigger-retraining\/scheduleTick/);
      // An approved package goes on to its deployment, whose records may follow in the chain.
      expect(stdout).toMatch(
        /^ {3}validation validated → trigger skipped: debounced → trigger started → approval approved( → .+)?$/m,
      );
      expect(stdout).toMatch(/^The loop completed: \d+\.\d s of wall-clock time for \d+ min on the local clock\.$/m);
    },
    DEMO_TIMEOUT_MS,
  );

  it(
    'prints a machine-readable report with --json',
    async () => {
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
          verdicts: {
            status: string;
            severity?: string;
            predictions?: number;
            reportKey?: string;
            labelled?: number;
            quality?: { drifted: boolean };
            baseline?: { kind: string; modelPackageArn?: string };
          }[];
          detected: { severity: string; reportKey?: string }[];
          cleared: { previousSeverity: string; reportKey?: string }[];
          incidents: { status: string; statusAfterCritical?: string; severity: string }[];
          retrain?: {
            decision: string;
            triggerKind?: string;
            started: number;
            modelPackageArn?: string;
            approvalDecision?: string;
            deployedAt?: string;
          };
          nightly?: { ruleName: string; state?: string };
          labels?: { key: string; count: number };
          trainingData?: { key: string; rows: number; validated: boolean; trigger?: string };
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
      // The landing's run and the drift retrain: the nightly schedule is switched off.
      expect(report.executions.map((execution) => execution.status)).toEqual(['Succeeded', 'Succeeded']);
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
        ['examples/datasets/churn_drifted.csv', 300, 300],
      ]);
      expect(drift.verdicts.map((v) => [v.status, v.severity, v.predictions])).toEqual([
        ['no_drift', undefined, 300],
        ['drift', 'warning', 300],
        ['drift', 'critical', 300],
        ['no_drift', undefined, 300],
      ]);
      // Labels joined for the critical window only; each window judged against the serving model's training data.
      expect(drift.verdicts.map((v) => v.labelled)).toEqual([0, 0, 300, 0]);
      expect(drift.verdicts[2].quality?.drifted).toBe(true);
      expect(drift.verdicts.map((v) => [v.baseline?.kind, v.baseline?.modelPackageArn?.replace(/.*\//, '')])).toEqual([
        ['training', '1'],
        ['training', '1'],
        ['training', '1'],
        ['training', '2'],
      ]);
      expect(drift.detected).toEqual([
        { severity: 'warning', reportKey: drift.verdicts[1].reportKey },
        { severity: 'critical', reportKey: drift.verdicts[2].reportKey },
      ]);
      expect(drift.cleared).toEqual([{ previousSeverity: 'critical', reportKey: drift.verdicts[3].reportKey }]);
      expect(drift.incidents).toEqual([
        expect.objectContaining({ statusAfterCritical: 'triggered', status: 'resolved', severity: 'critical' }),
      ]);
      expect(drift.nightly).toEqual(expect.objectContaining({ state: 'DISABLED' }));
      expect(drift.labels).toEqual(expect.objectContaining({ count: 300 }));
      expect(drift.trainingData).toEqual(
        expect.objectContaining({ rows: 7000, validated: true, trigger: 'skipped: quiet-hours' }),
      );
      expect(drift.retrain).toEqual(
        expect.objectContaining({
          decision: 'started',
          triggerKind: 'drift',
          started: 1,
          modelPackageArn: expect.stringMatching(/model-package\/churn\/2$/),
          approvalDecision: 'approved',
          deployedAt: expect.any(String),
        }),
      );
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
        expect.objectContaining({
          approvalId: approval.approvalId,
          decision: 'approved',
          decidedBy: 'U0FLEETAPPROVER',
        }),
      ]);
      expect(approval.packages.map((item) => item.status)).toEqual(['Approved']);
      expect(
        report.timeline.filter((entry) => entry.event === 'Approval Decided' && entry.why.startsWith('churn/1 ')),
      ).toEqual([expect.objectContaining({ decision: 'approved' })]);
    },
    DEMO_TIMEOUT_MS,
  );

  it(
    'rejects a regressing challenger of the nightly run without asking anyone with --scenario regression',
    async () => {
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
    },
    DEMO_TIMEOUT_MS,
  );

  it(
    'lets the approval expire and answers a late click with "expired" with --scenario expired',
    async () => {
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
    },
    DEMO_TIMEOUT_MS,
  );

  it(
    'rolls back the second deployment on an alarm during its canary with --scenario rollback: Deployment Failed, never Model Deployed',
    async () => {
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
      const deployed =
        stdout.match(/^ {3}\d\d:\d\d:\d\d {2}approval-callback +Model Deployed +deployed +(\S+)/gm) ?? [];
      expect(deployed.map((line) => line.replace(/.* deployed +/, ''))).toEqual(['churn/1']);
      expect(stdout).toMatch(/^ {3}ok {4}deployment rolled back: Deployment Failed \(rolled_back\): /m);
      expect(stdout).toMatch(/^ {3}ok {4}never announced as deployed: 0 Model Deployed for churn\/2$/m);
      expect(stdout).not.toMatch(/Drift record/);
    },
    DEMO_TIMEOUT_MS,
  );

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
    ).toEqual(DEMO_SCENARIOS.map((scenario) => scenario.name));
    expect(DEMO_SCENARIOS.map((scenario) => scenario.name)).toEqual(
      expect.arrayContaining(['approve', 'regression', 'expired', 'rollback']),
    );
  });

  it('exits 2 on an unknown scenario', async () => {
    // Act
    const { code, stderr } = await run(['--scenario', 'faster']);

    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain(
      `no scenario named faster; the scenarios are ${DEMO_SCENARIOS.map((scenario) => scenario.name).join(', ')}`,
    );
  });

  it(
    'exits 1 with the reason when the loop does not complete',
    async () => {
      // Act: the first landing is the broken file, so nothing is validated and nothing runs.
      const { code, stdout } = await run(['--quiet', '--dataset', 'examples/demo/churn_broken.csv']);

      // Assess
      expect(code).toBe(1);
      expect(stdout).toBe(
        'fleet demo: the loop did not complete: dataset validated: no Dataset Validated for raw/churn/churn_broken.csv' +
          ' (it was rejected: not_an_integer, not_in_values, below_min, duplicate_value, too_few_rows)\n',
      );
    },
    DEMO_TIMEOUT_MS,
  );

  it('exits 2 on an unknown option', async () => {
    // Act
    const { code, stderr } = await run(['--fast']);

    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain("Unknown option '--fast'");
  });
});
