import { type FleetCloud, startFleetCloud } from '@fleet/cli/local';
import type { LocalCloud } from '@fleet/local-cloud';
import {
  churnBaseline,
  churnBroken,
  churnRows,
  debounceMs,
  eventsOf,
  passDebounceWindow,
  runPipelinesToEnd,
} from './support/loop.js';

// The whole loop through the local cloud: uploads over S3's HTTP API, the services' own
// handlers behind the rules of their serverless.yml, SDK calls over HTTP to the stand-ins.

const detail = (event: { detail: unknown }) => event.detail as Record<string, unknown>;

describe('the retraining loop on the local cloud', () => {
  let fleet: FleetCloud;
  let cloud: LocalCloud;

  beforeEach(async () => {
    fleet = await startFleetCloud();
    cloud = fleet.cloud;
  });

  afterEach(async () => {
    await fleet.stop();
  });

  it('starts exactly one pipeline run and announces one Retraining Succeeded for one dataset landing', async () => {
    // Prepare
    await cloud.land('raw/churn/2025-06-02.csv', churnBaseline());

    // Act
    await passDebounceWindow(fleet);
    await runPipelinesToEnd(cloud);

    // Assess
    const executions = cloud.executions();
    expect(executions.map((execution) => execution.status)).toEqual(['Succeeded']);
    expect(executions[0].parameters).toMatchObject({
      InputDataUri: `s3://${fleet.resources.dataBucket}/raw/churn/`,
      DatasetName: 'churn',
      ModelApprovalStatus: 'PendingManualApproval',
    });
    expect(eventsOf(cloud, 'Retraining Started')).toHaveLength(1);
    const succeeded = eventsOf(cloud, 'Retraining Succeeded');
    expect(succeeded.map((event) => detail(event).executionArn)).toEqual([executions[0].pipelineExecutionArn]);
    expect(cloud.deadLetters()).toEqual([]);
  });

  it('keeps the whole chain under the correlation id of the S3 event', async () => {
    // Prepare
    await cloud.land('raw/churn/2025-06-02.csv', churnBaseline());
    await passDebounceWindow(fleet);
    await runPipelinesToEnd(cloud);
    const [landing] = eventsOf(cloud, 'Object Created');

    // Act
    const chain = await fleet.byCorrelation(landing.id);

    // Assess
    const audit = chain.filter((record) => /^(DATASET|PIPELINE)#/.test(record.pk));
    expect(audit.map((record) => [record.pk, record.kind, record.verdict ?? record.decision])).toEqual([
      ['DATASET#churn', 'validation', 'validated'],
      ['PIPELINE#churn-retrain', 'trigger', 'skipped'],
      ['PIPELINE#churn-retrain', 'trigger', 'started'],
    ]);
    expect(audit[2]).toMatchObject({ executionStatus: 'Succeeded' });
    expect(eventsOf(cloud, 'Retraining Succeeded').map((event) => detail(event).correlationId)).toEqual([landing.id]);
  });

  it('starts one run when S3 delivers the same Object Created event twice', async () => {
    // Prepare
    await cloud.land('raw/churn/2025-06-02.csv', churnBaseline());
    const [landing] = eventsOf(cloud, 'Object Created');

    // Act
    await cloud.inject(landing, 'default');
    await passDebounceWindow(fleet);
    await runPipelinesToEnd(cloud);

    // Assess
    expect(eventsOf(cloud, 'Object Created').filter((event) => event.id === landing.id)).toHaveLength(2);
    expect(eventsOf(cloud, 'Dataset Validated')).toHaveLength(1);
    expect(cloud.invocations().map((invocation) => (invocation.result as { status?: string })?.status)).toContain(
      'duplicate',
    );
    expect(cloud.executions()).toHaveLength(1);
    expect(eventsOf(cloud, 'Retraining Succeeded')).toHaveLength(1);
  });

  it('starts one run when the same file is uploaded again unchanged, even after its run ended', async () => {
    // Prepare
    const body = churnBaseline();
    await cloud.land('raw/churn/2025-06-02.csv', body);
    await passDebounceWindow(fleet);
    await runPipelinesToEnd(cloud);

    // Act
    await cloud.land('raw/churn/2025-06-02.csv', body);
    await passDebounceWindow(fleet);
    await runPipelinesToEnd(cloud);

    // Assess
    const landings = eventsOf(cloud, 'Object Created').filter((event) =>
      String((detail(event).object as { key: string }).key).startsWith('raw/'),
    );
    expect(landings).toHaveLength(2);
    expect(new Set(landings.map((event) => (detail(event).object as { etag: string }).etag)).size).toBe(1);
    expect(cloud.executions()).toHaveLength(1);
    expect(eventsOf(cloud, 'Retraining Started')).toHaveLength(1);
  });

  it('skips a redelivered Dataset Validated as a duplicate of the trigger it already decided', async () => {
    // Prepare
    await cloud.land('raw/churn/2025-06-02.csv', churnBaseline());
    await passDebounceWindow(fleet);
    const [validated] = eventsOf(cloud, 'Dataset Validated');

    // Act
    await cloud.inject(validated, fleet.resources.eventBus);
    await passDebounceWindow(fleet);
    await runPipelinesToEnd(cloud);

    // Assess
    expect(eventsOf(cloud, 'Retraining Skipped').map((event) => detail(event).skipReason)).toEqual([
      'debounced',
      'duplicate',
    ]);
    expect(cloud.executions()).toHaveLength(1);
  });

  it('starts one run for a burst of landings under one prefix, once the prefix has been quiet for the window', async () => {
    // Prepare
    const files = [churnRows(1, 3000), churnRows(2001, 5000), churnRows(4001, 8000)];

    // Act
    for (const [index, body] of files.entries()) {
      if (index > 0) await cloud.tick('30s');
      await cloud.land(`raw/churn/part-${index + 1}.csv`, body);
    }
    await cloud.tick(debounceMs(fleet) - 5000);
    const startedBeforeTheWindowEnds = cloud.executions().length;
    await cloud.tick('10s');
    await runPipelinesToEnd(cloud);

    // Assess
    expect(eventsOf(cloud, 'Dataset Validated')).toHaveLength(3);
    expect(eventsOf(cloud, 'Retraining Skipped').map((event) => detail(event).skipReason)).toEqual([
      'debounced',
      'debounced',
      'debounced',
    ]);
    expect(startedBeforeTheWindowEnds).toBe(0);
    expect(cloud.executions()).toHaveLength(1);
    const [started] = eventsOf(cloud, 'Retraining Started');
    expect(detail(started).reason).toMatch(
      /^3 dataset landings under s3:\/\/.+\/raw\/churn\/ .*\(raw\/churn\/part-3\.csv\)$/,
    );
    expect(eventsOf(cloud, 'Retraining Succeeded')).toHaveLength(1);
  });

  it('announces Retraining Failed with the reason and records that the run failed', async () => {
    // Prepare
    cloud.sageMaker.setRunPlan('churn-retrain', {
      duration: '12m',
      status: 'Failed',
      failureReason: 'Step Train failed: AlgorithmError: loss diverged',
    });
    await cloud.land('raw/churn/2025-06-02.csv', churnBaseline());

    // Act
    await passDebounceWindow(fleet);
    await runPipelinesToEnd(cloud);

    // Assess
    expect(eventsOf(cloud, 'Retraining Succeeded')).toEqual([]);
    const failed = eventsOf(cloud, 'Retraining Failed');
    expect(failed).toHaveLength(1);
    expect(detail(failed[0]).failure).toEqual({
      code: 'PipelineExecutionFailed',
      message: 'Step Train failed: AlgorithmError: loss diverged',
    });
    const started = (await fleet.history('PIPELINE#churn-retrain')).filter((record) => record.decision === 'started');
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({
      executionArn: cloud.executions()[0].pipelineExecutionArn,
      executionStatus: 'Failed',
      failure: { code: 'PipelineExecutionFailed', message: 'Step Train failed: AlgorithmError: loss diverged' },
    });
  });

  it('starts nothing for a broken dataset and records the rejection with its reasons', async () => {
    // Act
    await cloud.land('raw/churn/2025-06-02.csv', churnBroken());
    await passDebounceWindow(fleet);
    await cloud.tick('1h');

    // Assess
    const rejected = eventsOf(cloud, 'Dataset Rejected');
    expect(rejected).toHaveLength(1);
    expect(detail(rejected[0]).issueCounts).toEqual({
      not_an_integer: 2,
      not_in_values: 1,
      below_min: 1,
      duplicate_value: 1,
      too_few_rows: 1,
    });
    expect(eventsOf(cloud, 'Dataset Validated')).toEqual([]);
    expect(cloud.events().filter((entry) => entry.event.source === 'fleet.trigger-retraining')).toEqual([]);
    expect(cloud.executions()).toEqual([]);
    // No debounce window of trigger-retraining fires (notify's digest of the rejection may).
    expect(
      cloud.scheduler.invocations().filter((call) => call.groupName.startsWith('fleet-trigger-retraining')),
    ).toEqual([]);
    const history = await fleet.history('DATASET#churn');
    expect(history.map((record) => [record.verdict, record.key])).toEqual([['rejected', 'raw/churn/2025-06-02.csv']]);
  });
});
