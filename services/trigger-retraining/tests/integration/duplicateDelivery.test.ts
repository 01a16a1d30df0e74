import 'aws-sdk-client-mock-jest';
import { StartPipelineExecutionCommand } from '@aws-sdk/client-sagemaker';
import { partitionKey } from '@fleet/shared';
import { createDatasetValidatedHandler } from '../../src/handlers/datasetValidated.js';
import { createScheduleTickHandler } from '../../src/handlers/scheduleTick.js';
import {
  answerAsUsual,
  handlerDependencies,
  lambdaContext,
  mockHandlerClients,
  publishedEvents,
} from '../support/handlerDependencies.js';
import { loadEvent } from '../support/loadEvent.js';
import { recordsTablePerTest } from '../support/recordsTable.js';

const mocks = mockHandlerClients();
const { sagemaker, eventBridge } = mocks;
const table = recordsTablePerTest();

beforeEach(() => {
  answerAsUsual(mocks, {
    started: (token) =>
      `arn:aws:sagemaker:eu-west-1:123456789012:pipeline/churn-retrain/execution/${token.slice(0, 12)}`,
  });
});

const startedEvents = () => publishedEvents(eventBridge).filter((e) => e.detailType === 'Retraining Started');

describe('the same trigger delivered three times (dynalite)', () => {
  it('starts one execution when the three deliveries arrive at once', async () => {
    // Prepare
    const dependencies = handlerDependencies({ store: table.store });
    const handler = createScheduleTickHandler(() => dependencies);
    const tick = {
      ...loadEvent<Record<string, unknown>>('schedule-input.json'),
      scheduledTime: '2024-05-02T03:00:00Z',
    };

    // Act
    const outcomes = await Promise.all([1, 2, 3].map(() => handler(structuredClone(tick), lambdaContext)));

    // Assess
    expect(sagemaker).toHaveReceivedCommandTimes(StartPipelineExecutionCommand, 1);
    expect(startedEvents()).toHaveLength(1);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['skipped', 'skipped', 'started']);
    expect(
      publishedEvents(eventBridge)
        .filter((e) => e.detailType === 'Retraining Skipped')
        .map((e) => e.detail.skipReason),
    ).toEqual(['duplicate', 'duplicate']);
  });

  it('starts one execution when the deliveries arrive one after another', async () => {
    // Prepare
    const dependencies = handlerDependencies({ store: table.store });
    const handler = createScheduleTickHandler(() => dependencies);
    const tick = {
      ...loadEvent<Record<string, unknown>>('schedule-input.json'),
      scheduledTime: '2024-05-03T03:00:00Z',
    };

    // Act
    for (const _ of [1, 2, 3]) {
      await handler(structuredClone(tick), lambdaContext);
      dependencies.clock.advance(30_000);
    }

    // Assess
    expect(sagemaker).toHaveReceivedCommandTimes(StartPipelineExecutionCommand, 1);
    expect(startedEvents()).toHaveLength(1);
  });

  it("passes the claim's token to SageMaker and records every decision in the pipeline history", async () => {
    // Prepare
    const dependencies = handlerDependencies({ store: table.store });
    dependencies.clock.set('2026-04-01T08:00:00.000Z');
    const handler = createDatasetValidatedHandler(() => dependencies);
    const event = loadEvent<{ detail: Record<string, unknown> }>('dataset-validated.json');
    event.detail.dataset = 'fraud';
    event.detail.etag = 'e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0';

    // Act
    await Promise.all([1, 2, 3].map(() => handler(structuredClone(event), lambdaContext)));

    // Assess
    const token = sagemaker.commandCalls(StartPipelineExecutionCommand)[0].args[0].input.ClientRequestToken;
    const claim = await table.records.get(partitionKey('IDEMPOTENCY', token ?? ''), 'claim');
    expect(claim).toMatchObject({ kind: 'idempotency', state: 'completed', token, ttl: expect.any(Number) });
    const history = await table.records.history(partitionKey('PIPELINE', 'fraud-retrain'), {
      since: '2026-04-01T08:00:00.000Z',
    });
    expect(history.map((r) => [r.kind, r.decision, r.skipReason]).sort()).toEqual([
      ['trigger', 'skipped', 'duplicate'],
      ['trigger', 'skipped', 'duplicate'],
      ['trigger', 'started', undefined],
    ]);
    expect(sagemaker).toHaveReceivedCommandTimes(StartPipelineExecutionCommand, 1);
  });
});
