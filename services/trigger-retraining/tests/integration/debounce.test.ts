import 'aws-sdk-client-mock-jest';
import { StartPipelineExecutionCommand } from '@aws-sdk/client-sagemaker';
import {
  ConflictException,
  CreateScheduleCommand,
  type CreateScheduleCommandInput,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import { partitionKey } from '@fleet/shared';
import { createDatasetValidatedHandler } from '../../src/handlers/datasetValidated.js';
import { createDebounceFireHandler } from '../../src/handlers/debounceFire.js';
import {
  answerAsUsual,
  handlerDependencies,
  lambdaContext,
  mockHandlerClients,
  publishedEvents,
} from '../support/handlerDependencies.js';
import { loadEvent } from '../support/loadEvent.js';
import { recordsTablePerTest } from '../support/recordsTable.js';

const { sagemaker, scheduler, eventBridge } = mockHandlerClients();
const bucket = 'fleet-dev-data-123456789012-eu-west-1';
const prefix = `s3://${bucket}/raw/churn/2026-03-02/`;

const table = recordsTablePerTest();

/** Scheduler as the real one behaves: the first arming creates the schedule, later ones conflict. */
const schedules = new Map<string, CreateScheduleCommandInput>();

beforeEach(() => {
  answerAsUsual(
    { sagemaker, eventBridge },
    {
      started: 'arn:aws:sagemaker:eu-west-1:123456789012:pipeline/churn-retrain/execution/deb1',
    },
  );
  scheduler.reset();
  schedules.clear();
  scheduler.on(CreateScheduleCommand).callsFake(async (input: CreateScheduleCommandInput) => {
    if (schedules.has(input.Name ?? '')) {
      throw new ConflictException({ message: 'exists', Message: 'exists', $metadata: {} });
    }
    schedules.set(input.Name ?? '', input);
    return { ScheduleArn: `arn:aws:scheduler:eu-west-1:123456789012:schedule/g/${input.Name}` };
  });
  scheduler.on(UpdateScheduleCommand).callsFake(async (input: CreateScheduleCommandInput) => {
    schedules.set(input.Name ?? '', input);
    return { ScheduleArn: `arn:aws:scheduler:eu-west-1:123456789012:schedule/g/${input.Name}` };
  });
});

const landing = (n: number) => {
  const event = loadEvent<{ id: string; detail: Record<string, unknown> }>('dataset-validated.json');
  event.id = `landing-${n}`;
  event.detail.correlationId = `corr-landing-${n}`;
  event.detail.key = `raw/churn/2026-03-02/part-${n}.csv`;
  event.detail.etag = `${n}`.repeat(32);
  return event;
};

/** The payload and time of the one schedule armed for the prefix. */
const armedSchedule = () => {
  const [schedule] = [...schedules.values()];
  return {
    payload: JSON.parse(schedule.Target?.Input ?? '{}'),
    at: `${/^at\((.*)\)$/.exec(schedule.ScheduleExpression ?? '')?.[1]}.000Z`,
  };
};

describe('debounced landings (dynalite)', () => {
  it('starts one run for five landings under one prefix when the schedule fires', async () => {
    // Prepare
    const dependencies = handlerDependencies({ store: table.store });
    const land = createDatasetValidatedHandler(() => dependencies);
    const fire = createDebounceFireHandler(() => dependencies);
    const firstArmed: { payload?: unknown; at?: string } = {};
    for (const n of [1, 2, 3, 4, 5]) {
      await land(landing(n), lambdaContext);
      if (n === 1) Object.assign(firstArmed, armedSchedule());
      dependencies.clock.advance(20_000);
    }
    const last = armedSchedule();

    // Act: the first arming's time comes, then the last's, then the last is redelivered
    dependencies.clock.set(firstArmed.at ?? '');
    const early = await fire(firstArmed.payload, lambdaContext);
    dependencies.clock.set(last.at);
    const due = await fire(last.payload, lambdaContext);
    const redelivered = await fire(last.payload, lambdaContext);

    // Assess
    expect(schedules.size).toBe(1);
    expect(scheduler).toHaveReceivedCommandTimes(UpdateScheduleCommand, 5);
    expect(early.status).toBe('ignored');
    expect(due.status).toBe('started');
    expect(redelivered).toMatchObject({ status: 'skipped', skipReason: 'duplicate' });
    expect(sagemaker).toHaveReceivedCommandTimes(StartPipelineExecutionCommand, 1);
    expect(sagemaker).toHaveReceivedCommandWith(StartPipelineExecutionCommand, {
      PipelineParameters: expect.arrayContaining([{ Name: 'InputDataUri', Value: prefix }]),
    });
    const events = publishedEvents(eventBridge);
    expect(events.filter((e) => e.detailType === 'Retraining Started')).toEqual([
      {
        detailType: 'Retraining Started',
        detail: expect.objectContaining({
          correlationId: 'corr-landing-5',
          reason: expect.stringMatching(/^5 dataset landings under s3:\/\/.*\/raw\/churn\/2026-03-02\//),
        }),
      },
    ]);
    expect(events.filter((e) => e.detail.skipReason === 'debounced')).toHaveLength(5);
    const pending = await table.records.get(`DEBOUNCE#churn-retrain#${prefix}`, 'pending');
    expect(pending).toMatchObject({ landings: 5, consumedLanding: pending?.lastLandingId });
    const history = await table.records.history(partitionKey('PIPELINE', 'churn-retrain'));
    expect(history.map((r) => r.skipReason ?? r.decision)).toEqual([
      ...Array(5).fill('debounced'),
      'started',
      'duplicate',
    ]);
  });

  it('keeps on the started run, without TTL, the validated objects of every landing and the pipeline defaults', async () => {
    // Prepare
    const dependencies = handlerDependencies({ store: table.store });
    const land = createDatasetValidatedHandler(() => dependencies);
    const fire = createDebounceFireHandler(() => dependencies);
    for (const n of [1, 2, 3]) {
      await land(landing(n), lambdaContext);
      dependencies.clock.advance(20_000);
    }
    const armed = armedSchedule();
    dependencies.clock.set(armed.at);

    // Act
    await fire(armed.payload, lambdaContext);

    // Assess
    const history = await table.records.history(partitionKey('PIPELINE', 'churn-retrain'));
    const started = history.find((r) => r.decision === 'started');
    const { detail } = loadEvent<{ detail: Record<string, string> }>('dataset-validated.json');
    expect(started?.input).toEqual({
      parameters: expect.objectContaining({ InputDataUri: prefix, ModelApprovalStatus: 'PendingManualApproval' }),
      declaredDefaults: { ModelApprovalStatus: 'PendingManualApproval' },
      effectiveParameters: expect.objectContaining({ InputDataUri: prefix, DatasetName: 'churn' }),
      objects: [1, 2, 3].map((n) => ({
        bucket,
        key: `raw/churn/2026-03-02/part-${n}.csv`,
        versionId: detail.versionId,
        etag: `${n}`.repeat(32),
        validationRecordKey: detail.recordKey,
      })),
    });
    expect(started).not.toHaveProperty('ttl');
  });
});
