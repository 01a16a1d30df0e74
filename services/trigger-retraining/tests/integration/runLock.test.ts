import 'aws-sdk-client-mock-jest';
import { DescribePipelineCommand, StartPipelineExecutionCommand } from '@aws-sdk/client-sagemaker';
import { triggerRecordKeys } from '../../src/app/recordKeys.js';
import { UndeclaredParameterError } from '../../src/domain/errors.js';
import { createDatasetValidatedHandler } from '../../src/handlers/datasetValidated.js';
import { createPipelineStatusChangeHandler } from '../../src/handlers/pipelineStatusChange.js';
import { createScheduleTickHandler } from '../../src/handlers/scheduleTick.js';
import { describedPipeline } from '../support/describedPipeline.js';
import {
  answerAsUsual,
  handlerDependencies,
  lambdaContext,
  mockHandlerClients,
  publishedEvents,
} from '../support/handlerDependencies.js';
import { loadEvent } from '../support/loadEvent.js';
import { recordsTablePerTest } from '../support/recordsTable.js';

// fraud-retrain (SageMaker name FraudRetrain) neither debounces nor has quiet hours, so a
// schedule tick and a dataset landing both reach the run lock.
const mocks = mockHandlerClients();
const { sagemaker, eventBridge } = mocks;
const lockKeys = triggerRecordKeys.lock('FraudRetrain');
const day = 24 * 60 * 60_000;

const table = recordsTablePerTest();

beforeEach(() => {
  answerAsUsual(mocks, {
    described: describedPipeline('FraudRetrain', ['InputDataUri']),
    started: (token) =>
      `arn:aws:sagemaker:eu-west-1:123456789012:pipeline/fraudretrain/execution/${token.slice(0, 12)}`,
  });
});

/** The handlers of one function instance each, sharing the table and the clock. */
const fleet = () => {
  const dependencies = handlerDependencies({ store: table.store });
  return {
    clock: dependencies.clock,
    tick: createScheduleTickHandler(() => dependencies),
    landed: createDatasetValidatedHandler(() => dependencies),
    statusChange: createPipelineStatusChangeHandler(() => dependencies),
  };
};

const tick = (scheduledTime: string) => ({
  kind: 'schedule',
  pipeline: 'fraud-retrain',
  rule: 'arn:aws:events:eu-west-1:123456789012:rule/fleet-trigger-retraining-dev-fraud-retrain-hourly',
  scheduledTime,
  eventId: `tick-${scheduledTime}`,
});

const landing = (etag: string) => {
  const event = loadEvent<{ detail: Record<string, unknown> }>('dataset-validated.json');
  event.detail.dataset = 'fraud';
  event.detail.key = `raw/fraud/${etag}.csv`;
  event.detail.etag = etag.padEnd(32, '0');
  event.detail.correlationId = `landing-${etag}`;
  return event;
};

const succeeded = (executionArn: string) => {
  const event = loadEvent<{ detail: Record<string, unknown> }>('pipeline-status-succeeded.json');
  event.detail.pipelineArn = 'arn:aws:sagemaker:eu-west-1:123456789012:pipeline/fraudretrain';
  event.detail.pipelineExecutionArn = executionArn;
  return event;
};

const eventsOf = (detailType: string) => publishedEvents(eventBridge).filter((e) => e.detailType === detailType);

describe('the run lock of a pipeline (dynalite)', () => {
  it('starts one run for a schedule tick and a dataset landing arriving at once', async () => {
    // Prepare
    const { tick: onTick, landed } = fleet();

    // Act
    const outcomes = await Promise.all([
      onTick(tick('2026-03-02T12:00:00Z'), lambdaContext),
      landed(landing('aa'), lambdaContext),
    ]);

    // Assess
    expect(sagemaker).toHaveReceivedCommandTimes(StartPipelineExecutionCommand, 1);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['skipped', 'started']);
    expect(eventsOf('Retraining Started')).toHaveLength(1);
    expect(eventsOf('Retraining Skipped').map((e) => e.detail.skipReason)).toEqual(['in-flight']);
    const started = outcomes.find((o) => o.status === 'started');
    expect(await table.records.get(lockKeys.pk, lockKeys.sk)).toMatchObject({
      pk: 'LOCK#PIPELINE#fraudretrain',
      sk: 'run',
      kind: 'idempotency',
      state: 'held',
      pipelineName: 'FraudRetrain',
      token: started?.status === 'started' ? started.token : 'none',
      decisionId: started?.status === 'started' ? started.decisionId : 'none',
      executionArn: started?.status === 'started' ? started.executionArn : 'none',
      acquiredAt: '2026-03-02T12:00:00.000Z',
    });
  });

  it('starts again after the Succeeded status change of the run that held the lock', async () => {
    // Prepare
    const { tick: onTick, landed, statusChange, clock } = fleet();
    const first = await onTick(tick('2026-03-02T12:00:00Z'), lambdaContext);
    const executionArn = first.status === 'started' ? first.executionArn : 'no run started';
    clock.advance(10 * 60_000);
    const whileRunning = await landed(landing('bb'), lambdaContext);
    clock.advance(10 * 60_000);
    await statusChange(succeeded(executionArn), lambdaContext);

    // Act
    const next = await landed(landing('cc'), lambdaContext);

    // Assess
    expect(whileRunning).toMatchObject({ status: 'skipped', skipReason: 'in-flight' });
    expect(next.status).toBe('started');
    expect(sagemaker).toHaveReceivedCommandTimes(StartPipelineExecutionCommand, 2);
    expect(eventsOf('Retraining Succeeded')).toHaveLength(1);
    expect(await table.records.get(lockKeys.pk, lockKeys.sk)).toMatchObject({
      state: 'held',
      correlationId: 'landing-cc',
      executionArn: next.status === 'started' ? next.executionArn : 'none',
    });
  });

  it('takes over a lock older than maxRunMinutes whose end was never reported, and keeps it from a late end', async () => {
    // Prepare
    const { tick: onTick, landed, statusChange, clock } = fleet();
    const lost = await onTick(tick('2026-03-02T12:00:00Z'), lambdaContext);
    const lostArn = lost.status === 'started' ? lost.executionArn : 'no run started';
    clock.advance(day - 60_000);
    const tooEarly = await landed(landing('dd'), lambdaContext);
    clock.advance(60_000);

    // Act
    const takeover = await landed(landing('ee'), lambdaContext);
    await statusChange(succeeded(lostArn), lambdaContext);

    // Assess
    expect(tooEarly).toMatchObject({ status: 'skipped', skipReason: 'in-flight' });
    expect(takeover.status).toBe('started');
    expect(sagemaker).toHaveReceivedCommandTimes(StartPipelineExecutionCommand, 2);
    expect(await table.records.get(lockKeys.pk, lockKeys.sk)).toMatchObject({
      state: 'held',
      correlationId: 'landing-ee',
      acquiredAt: '2026-03-03T12:00:00.000Z',
      gsi1pk: 'CORR#landing-ee',
    });
  });

  it('fails a trigger whose parameter the pipeline does not declare, and leaves the lock free', async () => {
    // Prepare
    sagemaker.on(DescribePipelineCommand).resolves(describedPipeline('FraudRetrain', ['TrainingData']));
    const { landed } = fleet();

    // Act
    const error = await landed(landing('ff'), lambdaContext).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(UndeclaredParameterError);
    expect((error as Error).message).toBe(
      'pipeline "fraud-retrain": SageMaker pipeline "FraudRetrain" does not declare parameter "InputDataUri"' +
        ' (from pipelines.fraud-retrain.parameters.s3Uri); it declares: TrainingData',
    );
    expect(sagemaker).toHaveReceivedCommandTimes(StartPipelineExecutionCommand, 0);
    expect(eventsOf('Retraining Failed').map((e) => e.detail.failure.code)).toEqual(['UndeclaredParameter']);
    expect(await table.records.get(lockKeys.pk, lockKeys.sk)).toBeUndefined();
  });
});
