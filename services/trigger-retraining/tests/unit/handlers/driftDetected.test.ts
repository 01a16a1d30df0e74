import 'aws-sdk-client-mock-jest';
import { ListPipelineExecutionsCommand, StartPipelineExecutionCommand } from '@aws-sdk/client-sagemaker';
import { MemoryRecordsRepository } from '@fleet/shared';
import { RecordsTriggerStore } from '../../../src/adapters/RecordsTriggerStore.js';
import { createDriftDetectedHandler } from '../../../src/handlers/driftDetected.js';
import {
  answerAsUsual,
  handlerDependencies,
  lambdaContext,
  mockHandlerClients,
  publishedEvents,
} from '../../support/handlerDependencies.js';
import { loadEvent } from '../../support/loadEvent.js';

const mocks = mockHandlerClients();
const { sagemaker, eventBridge } = mocks;

describe('driftDetected handler', () => {
  beforeEach(() => {
    answerAsUsual(mocks, { started: 'arn:aws:sagemaker:eu-west-1:123456789012:pipeline/churn-retrain/execution/d1' });
  });

  it('starts a retrain inside quiet hours, since drift is critical for this pipeline', async () => {
    // Prepare: 23:30 in Berlin
    const dependencies = handlerDependencies();
    dependencies.clock.set('2026-03-02T22:30:00.000Z');
    const handler = createDriftDetectedHandler(() => dependencies);

    // Act
    const outcome = await handler(loadEvent('drift-detected.json'), lambdaContext);

    // Assess
    expect(outcome).toMatchObject({ status: 'started' });
    expect(sagemaker).toHaveReceivedCommandWith(StartPipelineExecutionCommand, {
      PipelineExecutionDisplayName: expect.stringMatching(/^drift-churn-retrain-20260302T223000Z-/),
    });
    expect(publishedEvents(eventBridge)[0].detail.trigger).toEqual({
      kind: 'drift',
      id: 'MODEL#churn|2024-05-01T10:15:00.000Z#drift#d-1',
    });
  });

  it('skips as model-busy (not in-flight) while a run of the pipeline is executing', async () => {
    // Prepare
    sagemaker.on(ListPipelineExecutionsCommand).resolves({
      PipelineExecutionSummaries: [{ PipelineExecutionStatus: 'Executing' }],
    });
    const handler = createDriftDetectedHandler(() => handlerDependencies());

    // Act
    const outcome = await handler(loadEvent('drift-detected.json'), lambdaContext);

    // Assess
    expect(outcome).toMatchObject({ status: 'skipped', skipReason: 'model-busy' });
    expect(sagemaker).not.toHaveReceivedCommand(StartPipelineExecutionCommand);
  });

  it('ignores a window with too little data to measure drift', async () => {
    // Prepare
    const handler = createDriftDetectedHandler(() => handlerDependencies());
    const event = loadEvent<{ detail: Record<string, unknown> }>('drift-detected.json');
    event.detail.status = 'insufficient_data';

    // Act
    const outcome = await handler(event, lambdaContext);

    // Assess
    expect(outcome).toEqual({ status: 'ignored', why: 'drift status is insufficient_data' });
    expect(sagemaker.calls()).toHaveLength(0);
  });

  it('records a warning below the model retrainOn (critical by default) as below-retrain-severity and starts nothing', async () => {
    // Prepare
    const records = new MemoryRecordsRepository();
    const handler = createDriftDetectedHandler(() => handlerDependencies({ store: new RecordsTriggerStore(records) }));
    const event = loadEvent<{ detail: Record<string, unknown> }>('drift-detected.json');
    event.detail.severity = 'warning';

    // Act
    const outcome = await handler(event, lambdaContext);

    // Assess
    expect(outcome).toMatchObject({ status: 'skipped', skipReason: 'below-retrain-severity' });
    expect(sagemaker).not.toHaveReceivedCommand(StartPipelineExecutionCommand);
    expect(publishedEvents(eventBridge).map((e) => e.detail.skipReason)).toEqual(['below-retrain-severity']);
    const decisions = await records.history('PIPELINE#churn-retrain');
    expect(decisions.map((r) => [r.decision, r.skipReason])).toEqual([['skipped', 'below-retrain-severity']]);
  });

  it.each([
    [
      'its newest package waits for approval',
      [{ kind: 'approval', at: '2026-03-02T10:00:00.000Z', state: 'sent', expiresAt: '2026-03-03T10:00:00.000Z' }],
    ],
    [
      'an approved package is being deployed',
      [
        { kind: 'deployment', at: '2026-03-01T10:00:00.000Z', decision: 'deployed' },
        {
          kind: 'approval',
          at: '2026-03-02T10:00:00.000Z',
          state: 'closed',
          decision: 'approved',
          decidedAt: '2026-03-02T11:00:00.000Z',
        },
      ],
    ],
  ])('records model-busy and starts nothing while %s', async (_why, written) => {
    // Prepare
    const records = new MemoryRecordsRepository();
    for (const [i, record] of written.entries()) {
      await records.put({
        pk: 'MODEL#churn',
        sk: `${record.at}#${record.kind}#r${i}`,
        id: `r${i}`,
        correlationId: 'c-1',
        ...record,
      } as Parameters<MemoryRecordsRepository['put']>[0]);
    }
    const handler = createDriftDetectedHandler(() => handlerDependencies({ store: new RecordsTriggerStore(records) }));

    // Act
    const outcome = await handler(loadEvent('drift-detected.json'), lambdaContext);

    // Assess
    expect(outcome).toMatchObject({ status: 'skipped', skipReason: 'model-busy' });
    expect(sagemaker).not.toHaveReceivedCommand(StartPipelineExecutionCommand);
    expect(publishedEvents(eventBridge).map((e) => e.detail.skipReason)).toEqual(['model-busy']);
  });

  it('starts a retrain once the approved package was deployed', async () => {
    // Prepare
    const records = new MemoryRecordsRepository();
    const base = { pk: 'MODEL#churn', correlationId: 'c-1' };
    await records.put({
      ...base,
      sk: '2026-03-02T10:00:00.000Z#approval#a1',
      kind: 'approval',
      id: 'a1',
      at: '2026-03-02T10:00:00.000Z',
      state: 'closed',
      decision: 'approved',
      decidedAt: '2026-03-02T10:05:00.000Z',
    });
    await records.put({
      ...base,
      sk: '2026-03-02T10:40:00.000Z#deployment#d1',
      kind: 'deployment',
      id: 'd1',
      at: '2026-03-02T10:40:00.000Z',
      decision: 'deployed',
    });
    const handler = createDriftDetectedHandler(() => handlerDependencies({ store: new RecordsTriggerStore(records) }));

    // Act
    const outcome = await handler(loadEvent('drift-detected.json'), lambdaContext);

    // Assess
    expect(outcome).toMatchObject({ status: 'started' });
  });
});
