import 'aws-sdk-client-mock-jest';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import {
  DescribePipelineCommand,
  ListPipelineExecutionsCommand,
  SageMakerClient,
  StartPipelineExecutionCommand,
} from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { createDriftDetectedHandler } from '../../../src/handlers/driftDetected.js';
import { describedPipeline } from '../../support/describedPipeline.js';
import { handlerDependencies, lambdaContext, publishedEvents } from '../../support/handlerDependencies.js';
import { loadEvent } from '../../support/loadEvent.js';

const sagemaker = mockClient(SageMakerClient);
const eventBridge = mockClient(EventBridgeClient);

describe('driftDetected handler', () => {
  beforeEach(() => {
    sagemaker.reset();
    eventBridge.reset();
    sagemaker.on(ListPipelineExecutionsCommand).resolves({ PipelineExecutionSummaries: [] });
    sagemaker.on(DescribePipelineCommand).resolves(describedPipeline());
    sagemaker.on(StartPipelineExecutionCommand).resolves({
      PipelineExecutionArn: 'arn:aws:sagemaker:eu-west-1:123456789012:pipeline/churn-retrain/execution/d1',
    });
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e1' }] });
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
