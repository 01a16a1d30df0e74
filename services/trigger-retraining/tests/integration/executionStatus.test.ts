import { DescribePipelineExecutionCommand, StartPipelineExecutionCommand } from '@aws-sdk/client-sagemaker';
import { partitionKey } from '@fleet/shared';
import { createManualStartHandler } from '../../src/handlers/manualStart.js';
import { createPipelineStatusChangeHandler } from '../../src/handlers/pipelineStatusChange.js';
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
  answerAsUsual(mocks);
  sagemaker.on(DescribePipelineExecutionCommand).resolves({ FailureReason: 'Step Train failed: OOM' });
});

/** Starts a run under the given execution ARN and returns the status-change handler. */
const startRun = async (requestId: string, executionArn: string) => {
  sagemaker.on(StartPipelineExecutionCommand).resolves({ PipelineExecutionArn: executionArn });
  const dependencies = handlerDependencies({ store: table.store });
  const request = { ...loadEvent<Record<string, unknown>>('manual-start.json'), requestId };
  await createManualStartHandler(() => dependencies)(request, lambdaContext);
  eventBridge.resetHistory();
  return createPipelineStatusChangeHandler(() => dependencies);
};

const statusChange = (fixture: string, executionArn: string) => {
  const event = loadEvent<{ detail: Record<string, unknown> }>(fixture);
  event.detail.pipelineExecutionArn = executionArn;
  return event;
};

describe('following a run to its end (dynalite)', () => {
  it('announces Retraining Succeeded exactly once for a status change delivered three times at once', async () => {
    // Prepare
    const executionArn = 'arn:aws:sagemaker:eu-west-1:123456789012:pipeline/churn-retrain/execution/ok1';
    const handler = await startRun('status-ok', executionArn);

    // Act
    const outcomes = await Promise.all(
      [1, 2, 3].map(() => handler(statusChange('pipeline-status-succeeded.json', executionArn), lambdaContext)),
    );

    // Assess
    expect(outcomes.filter((o) => o.status === 'announced')).toHaveLength(1);
    expect(publishedEvents(eventBridge)).toEqual([
      { detailType: 'Retraining Succeeded', detail: expect.objectContaining({ executionArn }) },
    ]);
    const pointer = await table.records.get(partitionKey('EXECUTION', executionArn), 'pointer');
    expect(pointer).toMatchObject({ outcome: 'succeeded', endedAt: '2024-05-01T12:10:10Z' });
    const [decision] = (await table.records.history(partitionKey('PIPELINE', 'churn-retrain'))).filter(
      (r) => r.executionArn === executionArn,
    );
    expect(decision).toMatchObject({ decision: 'started', executionStatus: 'Succeeded' });
  });

  it('announces Retraining Failed exactly once with the failure reason', async () => {
    // Prepare
    const executionArn = 'arn:aws:sagemaker:eu-west-1:123456789012:pipeline/churn-retrain/execution/ko1';
    const handler = await startRun('status-ko', executionArn);

    // Act
    await handler(statusChange('pipeline-status-failed.json', executionArn), lambdaContext);
    await handler(statusChange('pipeline-status-failed.json', executionArn), lambdaContext);

    // Assess
    expect(publishedEvents(eventBridge)).toEqual([
      {
        detailType: 'Retraining Failed',
        detail: expect.objectContaining({
          executionArn,
          failure: { code: 'PipelineExecutionFailed', message: 'Step Train failed: OOM' },
        }),
      },
    ]);
  });
});
