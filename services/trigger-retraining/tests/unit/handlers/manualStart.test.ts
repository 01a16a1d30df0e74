import 'aws-sdk-client-mock-jest';
import { StartPipelineExecutionCommand } from '@aws-sdk/client-sagemaker';
import { PipelineStartError } from '../../../src/domain/errors.js';
import { createManualStartHandler } from '../../../src/handlers/manualStart.js';
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
const executionArn = 'arn:aws:sagemaker:eu-west-1:123456789012:pipeline/churn-retrain/execution/m1';

describe('manualStart handler', () => {
  beforeEach(() => {
    answerAsUsual(mocks, { started: executionArn });
  });

  it('returns the execution ARN and answers a repeated request id as a duplicate', async () => {
    // Prepare
    const dependencies = handlerDependencies();
    const handler = createManualStartHandler(() => dependencies);

    // Act
    const first = await handler(loadEvent('manual-start.json'), lambdaContext);
    const second = await handler(loadEvent('manual-start.json'), lambdaContext);

    // Assess
    expect(first).toMatchObject({ status: 'started', executionArn });
    expect(second).toMatchObject({ status: 'skipped', skipReason: 'duplicate' });
    expect(sagemaker).toHaveReceivedCommandTimes(StartPipelineExecutionCommand, 1);
    expect(sagemaker).toHaveReceivedCommandWith(StartPipelineExecutionCommand, {
      PipelineExecutionDescription:
        'rerun after the feature fix [trigger manual ops-2024-05-01-rerun-1; correlationId ops-2024-05-01-rerun-1]',
      PipelineParameters: expect.arrayContaining([{ Name: 'TrainingWindowDays', Value: '90' }]),
    });
  });

  it('records, announces and rethrows a start SageMaker refuses', async () => {
    // Prepare
    sagemaker
      .on(StartPipelineExecutionCommand)
      .rejects(Object.assign(new Error('Pipeline churn-retrain does not exist'), { name: 'ResourceNotFound' }));
    const dependencies = handlerDependencies();
    const handler = createManualStartHandler(() => dependencies);

    // Act
    const error = await handler(loadEvent('manual-start.json'), lambdaContext).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(PipelineStartError);
    expect(publishedEvents(eventBridge)).toEqual([
      {
        detailType: 'Retraining Failed',
        detail: expect.objectContaining({
          failure: { code: 'ResourceNotFound', message: 'Pipeline churn-retrain does not exist' },
        }),
      },
    ]);
  });
});
