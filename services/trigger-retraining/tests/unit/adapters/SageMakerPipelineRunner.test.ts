import 'aws-sdk-client-mock-jest';
import {
  DescribePipelineExecutionCommand,
  ListPipelineExecutionsCommand,
  SageMakerClient,
  StartPipelineExecutionCommand,
} from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { SageMakerPipelineRunner } from '../../../src/adapters/SageMakerPipelineRunner.js';

const sagemaker = mockClient(SageMakerClient);
const executionArn = 'arn:aws:sagemaker:eu-west-1:123456789012:pipeline/churn-retrain/execution/abc';
const runner = () => new SageMakerPipelineRunner(new SageMakerClient({}), () => new Date('2026-03-31T00:00:00Z'));

describe('SageMakerPipelineRunner', () => {
  beforeEach(() => {
    sagemaker.reset();
  });

  it('starts an execution with every field of the request', async () => {
    // Prepare
    sagemaker.on(StartPipelineExecutionCommand).resolves({ PipelineExecutionArn: executionArn });

    // Act
    const result = await runner().start({
      pipelineName: 'churn-retrain',
      displayName: 'manual-churn-retrain',
      description: 'why',
      parameters: [{ Name: 'InputDataUri', Value: 's3://b/k' }],
      clientRequestToken: 'a'.repeat(64),
    });

    // Assess
    expect(result).toEqual({ executionArn });
    expect(sagemaker).toHaveReceivedCommandWith(StartPipelineExecutionCommand, {
      PipelineName: 'churn-retrain',
      PipelineExecutionDisplayName: 'manual-churn-retrain',
      PipelineExecutionDescription: 'why',
      PipelineParameters: [{ Name: 'InputDataUri', Value: 's3://b/k' }],
      ClientRequestToken: 'a'.repeat(64),
    });
  });

  it('throws when SageMaker returns no execution ARN', async () => {
    // Prepare
    sagemaker.on(StartPipelineExecutionCommand).resolves({});

    // Act and assess
    await expect(
      runner().start({
        pipelineName: 'p',
        displayName: 'd',
        description: '',
        parameters: [],
        clientRequestToken: 'a'.repeat(32),
      }),
    ).rejects.toThrow('StartPipelineExecution for "p" returned no PipelineExecutionArn');
  });

  it('finds an executing run on a later page of the last 30 days', async () => {
    // Prepare
    sagemaker
      .on(ListPipelineExecutionsCommand)
      .resolvesOnce({
        PipelineExecutionSummaries: [{ PipelineExecutionStatus: 'Succeeded' }, { PipelineExecutionStatus: 'Failed' }],
        NextToken: 'page-2',
      })
      .resolvesOnce({ PipelineExecutionSummaries: [{ PipelineExecutionStatus: 'Executing' }] });

    // Act
    const executing = await runner().isExecuting('churn-retrain');

    // Assess
    expect(executing).toBe(true);
    expect(sagemaker).toHaveReceivedCommandTimes(ListPipelineExecutionsCommand, 2);
    expect(sagemaker).toHaveReceivedNthSpecificCommandWith(1, ListPipelineExecutionsCommand, {
      PipelineName: 'churn-retrain',
      SortBy: 'CreationTime',
      SortOrder: 'Descending',
      CreatedAfter: new Date('2026-03-01T00:00:00Z'),
      MaxResults: 100,
    });
  });

  it('answers false when no execution is executing', async () => {
    // Prepare
    sagemaker.on(ListPipelineExecutionsCommand).resolves({
      PipelineExecutionSummaries: [{ PipelineExecutionStatus: 'Stopped' }],
    });

    // Act
    const executing = await runner().isExecuting('churn-retrain');

    // Assess
    expect(executing).toBe(false);
  });

  it('reads the failure reason of an execution', async () => {
    // Prepare
    sagemaker
      .on(DescribePipelineExecutionCommand, { PipelineExecutionArn: executionArn })
      .resolves({ FailureReason: 'Step Train failed' });

    // Act
    const reason = await runner().failureReason(executionArn);

    // Assess
    expect(reason).toBe('Step Train failed');
  });
});
