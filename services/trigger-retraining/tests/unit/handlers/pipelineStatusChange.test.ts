import 'aws-sdk-client-mock-jest';
import { DescribePipelineExecutionCommand } from '@aws-sdk/client-sagemaker';
import { createManualStartHandler } from '../../../src/handlers/manualStart.js';
import { createPipelineStatusChangeHandler } from '../../../src/handlers/pipelineStatusChange.js';
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
// The execution the status-change fixtures report.
const executionArn = 'arn:aws:sagemaker:eu-west-1:123456789012:pipeline/churn-retrain/execution/p4jn9xou8a8s';

const startedRun = async () => {
  const dependencies = handlerDependencies();
  await createManualStartHandler(() => dependencies)(loadEvent('manual-start.json'), lambdaContext);
  eventBridge.resetHistory();
  return createPipelineStatusChangeHandler(() => dependencies);
};

describe('pipelineStatusChange handler', () => {
  beforeEach(() => {
    answerAsUsual(mocks, { started: executionArn });
    sagemaker.on(DescribePipelineExecutionCommand).resolves({ FailureReason: 'Step Evaluate failed: AUC 0.61' });
  });

  it('announces a run the fleet started as succeeded, once', async () => {
    // Prepare
    const handler = await startedRun();

    // Act
    const first = await handler(loadEvent('pipeline-status-succeeded.json'), lambdaContext);
    const again = await handler(loadEvent('pipeline-status-succeeded.json'), lambdaContext);

    // Assess
    expect(first).toEqual({ status: 'announced', outcome: 'succeeded' });
    expect(again.status).toBe('ignored');
    expect(publishedEvents(eventBridge)).toEqual([
      {
        detailType: 'Retraining Succeeded',
        detail: expect.objectContaining({
          executionArn,
          correlationId: 'ops-2024-05-01-rerun-1',
          trigger: { kind: 'manual', id: 'ops-2024-05-01-rerun-1' },
        }),
      },
    ]);
  });

  it('announces a failed run with its failure reason', async () => {
    // Prepare
    const handler = await startedRun();

    // Act
    await handler(loadEvent('pipeline-status-failed.json'), lambdaContext);

    // Assess
    expect(publishedEvents(eventBridge)).toEqual([
      {
        detailType: 'Retraining Failed',
        detail: expect.objectContaining({
          executionArn,
          failure: { code: 'PipelineExecutionFailed', message: 'Step Evaluate failed: AUC 0.61' },
        }),
      },
    ]);
  });

  it('ignores a status that is not final', async () => {
    // Prepare
    const handler = await startedRun();

    // Act
    const outcome = await handler(loadEvent('pipeline-status-executing.json'), lambdaContext);

    // Assess
    expect(outcome).toEqual({ status: 'ignored', why: 'status Executing is not final' });
    expect(eventBridge.calls()).toHaveLength(0);
  });

  it('ignores a run the fleet did not start', async () => {
    // Prepare
    const handler = createPipelineStatusChangeHandler(() => handlerDependencies());

    // Act
    const outcome = await handler(loadEvent('pipeline-status-succeeded.json'), lambdaContext);

    // Assess
    expect(outcome).toEqual({ status: 'ignored', why: 'not an execution the fleet started' });
    expect(eventBridge.calls()).toHaveLength(0);
  });
});
