import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { partitionKey } from '@fleet/shared';
import { mockClient } from 'aws-sdk-client-mock';
import { SageMakerPipelineRunner } from '../../src/adapters/SageMakerPipelineRunner.js';
import { PipelineStartError } from '../../src/domain/errors.js';
import { createManualStartHandler } from '../../src/handlers/manualStart.js';
import { describedPipeline } from '../support/describedPipeline.js';
import { answerAsUsual, handlerDependencies, lambdaContext, publishedEvents } from '../support/handlerDependencies.js';
import { loadEvent } from '../support/loadEvent.js';
import { recordsTablePerTest } from '../support/recordsTable.js';
import { startSageMakerStub, throttled } from '../support/sageMakerStub.js';

const eventBridge = mockClient(EventBridgeClient);
const executionArn = 'arn:aws:sagemaker:eu-west-1:123456789012:pipeline/churn-retrain/execution/thr1';
const started = { status: 200, body: { PipelineExecutionArn: executionArn } };
const nothingRunning = { status: 200, body: { PipelineExecutionSummaries: [] } };
const described = { status: 200, body: describedPipeline() as Record<string, unknown> };

const table = recordsTablePerTest();

beforeEach(() => {
  answerAsUsual({ eventBridge });
});

/** Handler dependencies whose SageMaker client talks HTTP to the stub with the SDK's retry strategy. */
const againstStub = (endpoint: string, maxAttempts: number) => {
  const dependencies = handlerDependencies({ store: table.store });
  const client = new SageMakerClient({
    endpoint,
    maxAttempts,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  dependencies.ports.runner = new SageMakerPipelineRunner(client, () => dependencies.clock.now());
  return dependencies;
};

describe('starting against a throttling SageMaker (dynalite, HTTP)', () => {
  it('retries a throttled start with the same token and starts once', async () => {
    // Prepare
    const stub = await startSageMakerStub({
      ListPipelineExecutions: [nothingRunning],
      DescribePipeline: [described],
      StartPipelineExecution: [throttled, throttled, started],
    });
    const dependencies = againstStub(stub.endpoint, 3);
    const request = { ...loadEvent<Record<string, unknown>>('manual-start.json'), requestId: 'retry-1' };

    // Act
    const outcome = await createManualStartHandler(() => dependencies)(request, lambdaContext);
    await stub.stop();

    // Assess
    expect(outcome).toMatchObject({ status: 'started', executionArn });
    const starts = stub.requests.filter((r) => r.operation === 'StartPipelineExecution');
    expect(starts).toHaveLength(3);
    expect(new Set(starts.map((s) => s.input.ClientRequestToken)).size).toBe(1);
    expect(publishedEvents(eventBridge).map((e) => e.detailType)).toEqual(['Retraining Started']);
  });

  it('records, announces and rethrows a start that keeps failing, and the retry starts it', async () => {
    // Prepare
    const stub = await startSageMakerStub({
      ListPipelineExecutions: [nothingRunning],
      DescribePipeline: [described],
      StartPipelineExecution: [throttled, throttled, started],
    });
    const dependencies = againstStub(stub.endpoint, 2);
    const handler = createManualStartHandler(() => dependencies);
    const request = { ...loadEvent<Record<string, unknown>>('manual-start.json'), requestId: 'retry-2' };

    // Act
    const error = await handler(structuredClone(request), lambdaContext).catch((e: unknown) => e);
    dependencies.clock.advance(60_000);
    const retried = await handler(structuredClone(request), lambdaContext);
    await stub.stop();

    // Assess
    expect(error).toBeInstanceOf(PipelineStartError);
    expect((error as PipelineStartError).code).toBe('ThrottlingException');
    expect(retried).toMatchObject({ status: 'started', executionArn });
    expect(publishedEvents(eventBridge)).toEqual([
      {
        detailType: 'Retraining Failed',
        detail: expect.objectContaining({ failure: { code: 'ThrottlingException', message: 'Rate exceeded' } }),
      },
      { detailType: 'Retraining Started', detail: expect.objectContaining({ executionArn }) },
    ]);
    const history = await table.records.history(partitionKey('PIPELINE', 'churn-retrain'));
    const decisions = history.filter((r) => r.trigger !== undefined && (r.trigger as { id: string }).id === 'retry-2');
    expect(decisions.map((r) => [r.decision, (r.failure as { code?: string } | undefined)?.code])).toEqual([
      ['failed', 'ThrottlingException'],
      ['started', undefined],
    ]);
  });
});
