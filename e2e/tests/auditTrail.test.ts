import type { FleetCloud } from '@fleet/cli/local';
import type { LocalCloud } from '@fleet/local-cloud';
import { RecordsRepository, writePauseChange } from '@fleet/shared';
import { approvalMessages, click, detailsOf, retrain } from './support/approval.js';
import { type FleetCli, startFleetCli } from './support/fleetCli.js';
import { eventsOf } from './support/loop.js';

// The audit trail as operators read it: `fleet history` and `fleet trace` run through the CLI
// against the fleet on the local cloud, over HTTP to its DynamoDB, after a landing has gone
// through validation, the debounce, a pipeline run, an approval clicked in Slack and the
// canary deployment.

const SCENARIO_MS = 240_000;

type PrintedRecord = { pk: string; sk: string; kind: string; at: string; decision?: string; summary: string };

describe('the audit trail of a retrained and deployed model on the local cloud', () => {
  let fleet: FleetCloud;
  let landingId: string;
  let cli: FleetCli;

  /** Runs `fleet <args>` in this process, with the environment a client of the local cloud gets. */
  const fleetCli = (...args: string[]) => cli.run(...args);
  const printed = async (...args: string[]): Promise<PrintedRecord[]> => {
    const { code, stdout, stderr } = await fleetCli(...args, '--json');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    return JSON.parse(stdout) as PrintedRecord[];
  };

  /** Moves the clock five minutes at a time until churn's first approval execution has ended. */
  const runDeploymentToEnd = async (cloud: LocalCloud): Promise<void> => {
    const deadline = cloud.clock.nowMs() + 10 * 3_600_000;
    const running = () => cloud.stepFunctions.executions().some((execution) => execution.status === 'RUNNING');
    while (running()) {
      if (cloud.clock.nowMs() > deadline) throw new Error(`still deploying at ${cloud.now().toISOString()}`);
      await cloud.tick('5m');
    }
  };

  beforeAll(async () => {
    cli = await startFleetCli();
    fleet = cli.fleet;
    await retrain(fleet);
    const [message] = approvalMessages(fleet);
    await click(fleet, message, 'approve');
    await fleet.cloud.settle();
    await runDeploymentToEnd(fleet.cloud);
    landingId = eventsOf(fleet.cloud, 'Object Created')[0].id;
  }, SCENARIO_MS);

  afterAll(async () => {
    await cli?.stop();
  });

  it("lists a model's history with its dataset's and pipeline's records, in time order", async () => {
    // Act
    const records = await printed('history', '--model', 'churn');
    const text = await fleetCli('history', '--model', 'churn', '--table', fleet.resources.recordsTable);

    // Assess
    expect(new Set(records.map((record) => record.pk))).toEqual(
      new Set(['DATASET#churn', 'PIPELINE#churn-retrain', 'MODEL#churn']),
    );
    const times = records.map((record) => Date.parse(record.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(records.map((record) => `${record.kind} ${record.summary.split(':')[0]}`)).toEqual([
      'validation validated',
      'trigger skipped',
      'trigger started',
      'approval approved',
      'deployment deployed',
    ]);
    expect(records[1].summary).toMatch(/^skipped: debounced: /);
    expect(records[3].summary).toContain('churn/1 by @ana');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      `History of model churn (MODEL#churn, PIPELINE#churn-retrain, DATASET#churn) in table ${fleet.resources.recordsTable}:`,
    );
    expect(text.stdout).toMatch(/^ {2}\S+Z {2}DATASET#churn +validation +validated +raw\/churn\/2025-06-02\.csv: /m);
    expect(text.stdout).toMatch(
      /^ {2}\S+Z {2}MODEL#churn +deployment +deployed +churn\/1 on endpoint churn \(canary\)$/m,
    );
  });

  it('leaves out what came before --since, and reads one partition for --pipeline', async () => {
    // Prepare
    const all = await printed('history', '--model', 'churn');
    const approval = all.find((record) => record.kind === 'approval') as PrintedRecord;

    // Act
    const since = await printed('history', '--model', 'churn', '--since', approval.at);
    const pipeline = await printed('history', '--pipeline', 'churn-retrain');

    // Assess
    expect(since.map((record) => record.kind)).toEqual(['approval', 'deployment']);
    expect(since.every((record) => record.at >= approval.at)).toBe(true);
    expect(pipeline.map((record) => record.pk)).toEqual(['PIPELINE#churn-retrain', 'PIPELINE#churn-retrain']);
  });

  it("traces the first landing's chain from its validation to the deployment", async () => {
    // Act
    const chain = await printed('trace', landingId);
    const text = await fleetCli('trace', landingId);

    // Assess
    expect(detailsOf(fleet.cloud, 'Model Deployed')).toEqual([
      expect.objectContaining({ model: 'churn', correlationId: landingId }),
    ]);
    expect(chain[0]).toMatchObject({
      pk: 'DATASET#churn',
      kind: 'validation',
      summary: expect.stringMatching(/^validated: /),
    });
    expect(chain.map((record) => record.kind)).toEqual(
      expect.arrayContaining(['validation', 'trigger', 'approval', 'deployment']),
    );
    expect(chain[chain.length - 1]).toMatchObject({ pk: 'MODEL#churn', kind: 'deployment', decision: 'deployed' });
    expect(chain.every((record) => !record.pk.startsWith('IDEMPOTENCY#') && !record.pk.startsWith('EXECUTION#'))).toBe(
      true,
    );
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe(`Trace of ${landingId} in table ${fleet.resources.recordsTable}:`);
    expect(text.stdout).toMatch(/MODEL#churn +deployment +deployed +churn\/1 on endpoint churn/);
  });

  it("shows an operator's pause and resume in the model's history, by whom, and traces the change", async () => {
    // Prepare: written as `fleet pause` and `fleet resume` write them, after everything above.
    const repository = new RecordsRepository({
      client: fleet.cloud.documentClient,
      tableName: fleet.resources.recordsTable,
    });
    const pausedAt = fleet.cloud.now();
    await writePauseChange(repository, {
      model: 'churn',
      action: 'pause',
      retraining: true,
      by: 'ops@example.com',
      reason: 'data incident',
      now: pausedAt,
      changeId: 'change-pause-1',
    });
    await writePauseChange(repository, {
      model: 'churn',
      action: 'resume',
      by: 'ops@example.com',
      now: new Date(pausedAt.getTime() + 60_000),
      changeId: 'change-resume-1',
    });

    // Act
    const since = await printed('history', '--model', 'churn', '--since', pausedAt.toISOString());
    const change = await printed('trace', 'change-pause-1');

    // Assess
    expect(since.map((record) => `${record.pk} ${record.kind} ${record.summary}`)).toEqual([
      'MODEL#churn pause paused: by ops@example.com: retraining paused, deployment running; data incident',
      'MODEL#churn pause resumed: by ops@example.com: retraining running, deployment running',
    ]);
    expect(change.map((record) => [record.pk, record.kind, record.decision])).toEqual([
      ['MODEL#churn', 'pause', 'paused'],
    ]);
  });

  it('exits 2 naming the configured models for an unknown one, and 1 naming the table for a missing table', async () => {
    // Act
    const unknown = await fleetCli('history', '--model', 'fraud');
    const missing = await fleetCli('trace', landingId, '--table', 'fleet-nope-records');

    // Assess
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toBe('fleet history: unknown model "fraud": the configuration names churn\n');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^fleet trace: no table fleet-nope-records in region eu-west-1 /);
  });
});
