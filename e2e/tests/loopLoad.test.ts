import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadFleetConfig, resetFleetConfig } from '@fleet/shared';
import { adaptServiceStack } from '../../bench/load/adaptServiceStack.js';
import { type LoadOutcome, loadChecks } from '../../bench/load/loadChecks.js';
import { loadContractYaml, loadModels } from '../../bench/load/loadFleetConfig.js';
import { runLoadScenario } from '../../bench/load/runLoadScenario.js';
import { writeLoadRoot } from '../../bench/load/writeLoadRoot.js';

// The load scenario of bench/loopLoad.bench.ts, small: a generated fleet on the local cloud,
// landings with redelivered events, concurrent Slack clicks, and the same checks.

const repoRoot = path.join(__dirname, '..', '..');
const stackOf = (service: string) => readFileSync(path.join(repoRoot, 'services', service, 'serverless.yml'), 'utf8');

describe('the generated load fleet', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'fleet-load-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    resetFleetConfig();
  });

  it('is a valid fleet configuration with one dataset, pipeline and contract per model', () => {
    // Prepare
    const root = writeLoadRoot(repoRoot, dir, { datasets: 12, approvals: 3, minRows: 50 });

    // Act
    const config = loadFleetConfig({ file: root.configFile, stage: 'local' });

    // Assess
    expect(Object.keys(config.models)).toHaveLength(12);
    expect(config.models['ds-12']).toMatchObject({
      pipeline: 'ds-12-retrain',
      datasets: ['ds-12'],
      modelPackageGroup: 'ds-12',
    });
    expect(Object.values(config.models).filter((model) => model.approval !== undefined)).toHaveLength(3);
    expect(config.pipelines['ds-07-retrain'].guards.debounceSeconds).toBe(120);
    const contract = readFileSync(path.join(dir, 'contracts/ds-07.yaml'), 'utf8');
    expect(contract).toMatch(/^match: raw\/ds-07\/$/m);
    expect(contract).toMatch(/^rows: \{ min: 50 \}$/m);
  });

  it("lists every generated pipeline in trigger-retraining's status-change rule and permissions", () => {
    // Prepare
    const models = loadModels({ datasets: 3, approvals: 1, minRows: 1 });

    // Act
    const stack = adaptServiceStack('trigger-retraining', stackOf('trigger-retraining'), models);

    // Assess
    for (const model of models) {
      expect(stack).toContain(`equals-ignore-case: ':pipeline/${model.pipeline}'`);
      expect(stack).toContain(`pipeline/${model.pipeline}/execution/*`);
    }
    expect(stack).not.toContain('churn-retrain');
  });

  it('matches only the packages of models with an approval in approval-callback', () => {
    // Prepare
    const models = loadModels({ datasets: 4, approvals: 2, minRows: 1 });

    // Act
    const stack = adaptServiceStack('approval-callback', stackOf('approval-callback'), models);

    // Assess
    expect(stack).toMatch(/^ *ModelPackageGroupName: \[ds-01, ds-02\]$/m);
    expect(stack).toContain('model-package/ds-02/*');
    expect(stack).not.toContain('model-package/ds-03/*');
  });

  it('refuses a stack or contract without the lines it adapts', () => {
    // Prepare
    const models = loadModels({ datasets: 2, approvals: 1, minRows: 1 });

    // Act / Assess
    expect(() => adaptServiceStack('trigger-retraining', 'service: x\n', models)).toThrow(/status-change rule/);
    expect(() => loadContractYaml('dataset: churn\n', models[0], 10)).toThrow(/match/);
    expect(() => loadModels({ datasets: 2, approvals: 3, minRows: 1 })).toThrow(/approvals/);
  });
});

describe('the load checks', () => {
  const held: LoadOutcome = {
    pipelines: ['ds-01-retrain', 'ds-02-retrain'],
    executions: [
      { pipelineName: 'ds-01-retrain', status: 'Succeeded' },
      { pipelineName: 'ds-02-retrain', status: 'Succeeded' },
    ],
    approvalModels: ['ds-01'],
    approvals: [{ id: 'ap-1', model: 'ds-01', decision: 'approved', decidedBy: 'U0FLEETAPPROVER' }],
    decidedEvents: ['ap-1'],
    decidingClicks: ['ap-1'],
    clickReplies: [['You approved ds-01.'], ['Already approved by @ana at 2025-06-02T09:41Z; nothing changed.']],
    clickStatuses: [200, 200],
    approvers: ['U0FLEETAPPROVER'],
    slackDeliveries: [
      { eventKey: 'requested', destination: 'slack:C0LOAD01', state: 'completed' },
      { eventKey: 'decided', destination: 'slack:C0LOAD01', state: 'completed' },
    ],
    slackPosts: ['C0LOAD01', 'C0LOAD01'],
    slackEvents: [
      { eventKey: 'requested', channels: ['C0LOAD01'] },
      { eventKey: 'decided', channels: ['C0LOAD01'] },
    ],
    deadLetters: [],
    failedAttempts: [],
  };
  const failed = (outcome: LoadOutcome) =>
    loadChecks(outcome)
      .filter((check) => !check.ok)
      .map((check) => check.name);

  it('all hold for a loop that held', () => {
    // Act / Assess
    expect(failed(held)).toEqual([]);
  });

  it('fail on a second run, a second decision, a second post and a dead letter', () => {
    // Prepare
    const broken: LoadOutcome = {
      ...held,
      executions: [...held.executions, { pipelineName: 'ds-02-retrain', status: 'Succeeded' }],
      decidedEvents: ['ap-1', 'ap-1'],
      clickReplies: [['You approved ds-01.'], ['You rejected ds-01.']],
      slackPosts: [...held.slackPosts, 'C0LOAD01'],
      deadLetters: [{ functionName: 'datasetValidated', error: 'Error: boom' }],
    };

    // Act / Assess
    expect(failed(broken)).toEqual([
      'one pipeline run per dataset',
      'one decision per approval (event and click)',
      'every other click changed nothing',
      'one Slack message per event and destination',
      'no dead letters',
    ]);
  });
});

describe('the loop under load on the local cloud', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'fleet-load-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs each pipeline once and decides each approval once under landings, redeliveries and concurrent clicks', async () => {
    // Act
    const result = await runLoadScenario({
      repoRoot,
      dir: path.join(dir, 'fleet'),
      datasets: 5,
      approvals: 2,
      landingsPerDataset: 10,
      redeliveredShare: 0.1,
      clicksPerApproval: 10,
      rowsPerLanding: 200,
    });

    // Assess
    expect(result).toMatchObject({ landings: 50, redelivered: 5, clicks: 20 });
    expect(result.checks.filter((check) => !check.ok)).toEqual([]);
    expect(result.outcome.executions).toHaveLength(5);
    expect(result.outcome.approvals.map((approval) => approval.model).sort()).toEqual(['ds-01', 'ds-02']);
    for (const approval of result.outcome.approvals) expect(['approved', 'rejected']).toContain(approval.decision);
    expect(result.outcome.clickReplies.flat().filter((text) => text.startsWith('Already '))).toHaveLength(18);
    expect(result.outcome.decidedEvents).toHaveLength(2);
    expect(result.outcome.slackPosts).toHaveLength(4);
    expect(result.outcome.deadLetters).toEqual([]);
  }, 300_000);
});
