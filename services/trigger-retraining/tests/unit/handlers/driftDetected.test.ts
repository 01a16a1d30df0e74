import 'aws-sdk-client-mock-jest';
import { ListPipelineExecutionsCommand, StartPipelineExecutionCommand } from '@aws-sdk/client-sagemaker';
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

  it('skips while a run of the pipeline is executing', async () => {
    // Prepare
    sagemaker.on(ListPipelineExecutionsCommand).resolves({
      PipelineExecutionSummaries: [{ PipelineExecutionStatus: 'Executing' }],
    });
    const handler = createDriftDetectedHandler(() => handlerDependencies());

    // Act
    const outcome = await handler(loadEvent('drift-detected.json'), lambdaContext);

    // Assess
    expect(outcome).toMatchObject({ status: 'skipped', skipReason: 'in-flight' });
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
});
