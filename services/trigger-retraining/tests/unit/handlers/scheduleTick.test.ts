import 'aws-sdk-client-mock-jest';
import { StartPipelineExecutionCommand } from '@aws-sdk/client-sagemaker';
import { ValidationError } from '@fleet/shared';
import { clientRequestToken } from '../../../src/domain/clientRequestToken.js';
import { ParameterMappingError } from '../../../src/domain/errors.js';
import { createScheduleTickHandler } from '../../../src/handlers/scheduleTick.js';
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
const executionArn = 'arn:aws:sagemaker:eu-west-1:123456789012:pipeline/churn-retrain/execution/abc123';

describe('scheduleTick handler', () => {
  beforeEach(() => {
    answerAsUsual(mocks, { started: executionArn });
  });

  it("starts the named pipeline with the schedule's parameters and token", async () => {
    // Prepare
    const dependencies = handlerDependencies();
    const handler = createScheduleTickHandler(() => dependencies);
    const input = loadEvent<{ rule: string; scheduledTime: string }>('schedule-input.json');

    // Act
    const outcome = await handler(input, lambdaContext);

    // Assess
    expect(outcome).toMatchObject({ status: 'started', executionArn });
    expect(sagemaker).toHaveReceivedCommandWith(StartPipelineExecutionCommand, {
      PipelineName: 'churn-retrain',
      ClientRequestToken: clientRequestToken('churn-retrain', {
        kind: 'schedule',
        id: `${input.rule}@${input.scheduledTime}`,
      }),
      PipelineParameters: expect.arrayContaining([{ Name: 'TrainingWindowDays', Value: '30' }]),
    });
    expect(publishedEvents(eventBridge)).toEqual([
      {
        detailType: 'Retraining Started',
        detail: expect.objectContaining({
          correlationId: '53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa',
          trigger: { kind: 'schedule', id: `${input.rule}@${input.scheduledTime}` },
          reason: 'scheduled by rule fleet-trigger-retraining-dev-churn-retrain-nightly at 2024-05-01T03:00:00Z',
        }),
      },
    ]);
  });

  it('skips a tick inside quiet hours, since schedules are not critical', async () => {
    // Prepare: 23:30 in Berlin
    const dependencies = handlerDependencies();
    dependencies.clock.set('2026-03-02T22:30:00.000Z');
    const handler = createScheduleTickHandler(() => dependencies);

    // Act
    const outcome = await handler(loadEvent('schedule-input.json'), lambdaContext);

    // Assess
    expect(outcome).toMatchObject({ status: 'skipped', skipReason: 'quiet-hours' });
    expect(sagemaker).not.toHaveReceivedCommand(StartPipelineExecutionCommand);
    expect(publishedEvents(eventBridge).map((e) => e.detail.skipReason)).toEqual(['quiet-hours']);
  });

  it('rejects a parameter the pipeline does not allow, before any call', async () => {
    // Prepare
    const handler = createScheduleTickHandler(() => handlerDependencies());
    const input = { ...loadEvent<Record<string, unknown>>('schedule-input.json'), parameters: { learningRate: 0.1 } };

    // Act
    const error = await handler(input, lambdaContext).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(ParameterMappingError);
    expect((error as ParameterMappingError).field).toBe('learningRate');
    expect(sagemaker.calls()).toHaveLength(0);
    expect(eventBridge.calls()).toHaveLength(0);
  });

  it('rejects an input without a pipeline, naming the field', async () => {
    // Prepare
    const handler = createScheduleTickHandler(() => handlerDependencies());
    const { pipeline: _, ...input } = loadEvent('schedule-input.json');

    // Act
    const error = await handler(input, lambdaContext).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain('pipeline');
  });

  it('rejects an unknown pipeline, listing the configured ones', async () => {
    // Prepare
    const handler = createScheduleTickHandler(() => handlerDependencies());

    // Act
    const error = await handler(
      { ...loadEvent<Record<string, unknown>>('schedule-input.json'), pipeline: 'nope' },
      lambdaContext,
    ).catch((e: unknown) => e);

    // Assess
    expect((error as Error).message).toBe(
      'unknown pipeline "nope"; configured pipelines: churn-retrain, fraud-retrain',
    );
  });
});
