import 'aws-sdk-client-mock-jest';
import { StartPipelineExecutionCommand } from '@aws-sdk/client-sagemaker';
import { CreateScheduleCommand } from '@aws-sdk/client-scheduler';
import { createDatasetValidatedHandler } from '../../../src/handlers/datasetValidated.js';
import {
  answerAsUsual,
  handlerDependencies,
  lambdaContext,
  mockHandlerClients,
  publishedEvents,
  schedulerTarget,
} from '../../support/handlerDependencies.js';
import { loadEvent } from '../../support/loadEvent.js';

const mocks = mockHandlerClients();
const { sagemaker, scheduler, eventBridge } = mocks;

type DatasetEvent = { detail: Record<string, unknown> };

describe('datasetValidated handler', () => {
  beforeEach(() => {
    answerAsUsual(mocks, { started: 'arn:aws:sagemaker:eu-west-1:123456789012:pipeline/fraudretrain/execution/x1' });
  });

  it('debounces a landing: arms the prefix schedule and announces the skip', async () => {
    // Prepare
    const handler = createDatasetValidatedHandler(() => handlerDependencies());

    // Act
    const outcome = await handler(loadEvent('dataset-validated.json'), lambdaContext);

    // Assess
    expect(outcome).toMatchObject({ status: 'skipped', skipReason: 'debounced' });
    expect(sagemaker).not.toHaveReceivedCommand(StartPipelineExecutionCommand);
    expect(scheduler).toHaveReceivedCommandWith(CreateScheduleCommand, {
      ScheduleExpression: 'at(2026-03-02T12:02:00)',
      Target: expect.objectContaining({
        Arn: schedulerTarget.targetArn,
        Input: JSON.stringify({
          kind: 'debounce',
          pipeline: 'churn-retrain',
          prefix: 's3://fleet-dev-data-123456789012-eu-west-1/raw/churn/2024-05-01/',
          armedAt: '2026-03-02T12:00:00.000Z',
        }),
      }),
    });
    expect(publishedEvents(eventBridge)).toEqual([
      {
        detailType: 'Retraining Skipped',
        detail: expect.objectContaining({
          correlationId: '17793124-05d4-b198-2fde-7ededc63b103',
          skipReason: 'debounced',
          trigger: {
            kind: 'dataset',
            id: 's3://fleet-dev-data-123456789012-eu-west-1/raw/churn/2024-05-01/customers.csv#etag:b1946ac92492d2347c6235b4d2611184',
          },
        }),
      },
    ]);
  });

  it('starts at once for a pipeline that does not debounce, passing the object as a parameter', async () => {
    // Prepare
    const handler = createDatasetValidatedHandler(() => handlerDependencies());
    const event = loadEvent<DatasetEvent>('dataset-validated.json');
    event.detail.dataset = 'fraud';

    // Act
    const outcome = await handler(event, lambdaContext);

    // Assess
    expect(outcome).toMatchObject({ status: 'started' });
    expect(sagemaker).toHaveReceivedCommandWith(StartPipelineExecutionCommand, {
      PipelineName: 'FraudRetrain',
      PipelineParameters: [
        {
          Name: 'InputDataUri',
          Value: 's3://fleet-dev-data-123456789012-eu-west-1/raw/churn/2024-05-01/customers.csv',
        },
      ],
    });
    expect(scheduler).not.toHaveReceivedCommand(CreateScheduleCommand);
  });

  it('ignores a dataset no pipeline retrains', async () => {
    // Prepare
    const handler = createDatasetValidatedHandler(() => handlerDependencies());
    const event = loadEvent<DatasetEvent>('dataset-validated.json');
    event.detail.dataset = 'unclaimed';

    // Act
    const outcome = await handler(event, lambdaContext);

    // Assess
    expect(outcome).toEqual({ status: 'ignored', why: 'no pipeline retrains dataset "unclaimed"' });
    expect(sagemaker.calls()).toHaveLength(0);
    expect(eventBridge.calls()).toHaveLength(0);
  });
});
