import 'aws-sdk-client-mock-jest';
import {
  DescribePipelineCommand,
  DescribePipelineExecutionCommand,
  ListPipelineExecutionsCommand,
  SageMakerClient,
  StartPipelineExecutionCommand,
} from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { definitionParameterNames, SageMakerPipelineRunner } from '../../../src/adapters/SageMakerPipelineRunner.js';
import { describedPipeline } from '../../support/describedPipeline.js';

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

  it('reads the declared parameter names from the pipeline definition', async () => {
    // Prepare
    sagemaker
      .on(DescribePipelineCommand, { PipelineName: 'churn-retrain' })
      .resolves(describedPipeline('churn-retrain', ['InputDataUri', 'ModelApprovalStatus']));

    // Act
    const declared = await runner().declaredParameters('churn-retrain');

    // Assess
    expect([...declared]).toEqual(['InputDataUri', 'ModelApprovalStatus']);
    expect(sagemaker).toHaveReceivedCommandWith(DescribePipelineCommand, { PipelineName: 'churn-retrain' });
  });

  it('reads the declared defaults from the same pipeline definition, in the spelling SageMaker passes', async () => {
    // Prepare
    sagemaker.on(DescribePipelineCommand).resolves({
      PipelineDefinition: JSON.stringify({
        Parameters: [
          { Name: 'InputDataUri', Type: 'String' },
          { Name: 'ModelApprovalStatus', Type: 'String', DefaultValue: 'PendingManualApproval' },
          { Name: 'TrainingWindowDays', Type: 'Integer', DefaultValue: 90 },
          { Name: 'Threshold', Type: 'Float', DefaultValue: 0.5 },
        ],
      }),
    });
    const instance = runner();

    // Act
    const names = await instance.declaredParameters('churn-retrain');
    const defaults = await instance.declaredDefaults('churn-retrain');

    // Assess
    expect([...names]).toEqual(['InputDataUri', 'ModelApprovalStatus', 'TrainingWindowDays', 'Threshold']);
    expect(defaults).toEqual({
      ModelApprovalStatus: 'PendingManualApproval',
      TrainingWindowDays: '90',
      Threshold: '0.5',
    });
    expect(sagemaker).toHaveReceivedCommandTimes(DescribePipelineCommand, 1);
  });

  it('describes each pipeline once per instance, however many triggers ask at once', async () => {
    // Prepare
    sagemaker
      .on(DescribePipelineCommand)
      .callsFake(async (input: { PipelineName: string }) =>
        describedPipeline(input.PipelineName, [`${input.PipelineName}-Input`]),
      );
    const shared = runner();

    // Act
    const answers = await Promise.all([
      shared.declaredParameters('churn-retrain'),
      shared.declaredParameters('churn-retrain'),
      shared.declaredParameters('FraudRetrain'),
    ]);
    const later = await shared.declaredParameters('churn-retrain');

    // Assess
    expect(answers.map((a) => [...a])).toEqual([
      ['churn-retrain-Input'],
      ['churn-retrain-Input'],
      ['FraudRetrain-Input'],
    ]);
    expect([...later]).toEqual(['churn-retrain-Input']);
    expect(sagemaker).toHaveReceivedCommandTimes(DescribePipelineCommand, 2);
  });

  it('asks again after a failed DescribePipeline instead of keeping the failure', async () => {
    // Prepare
    sagemaker
      .on(DescribePipelineCommand)
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }))
      .resolves(describedPipeline('churn-retrain', ['InputDataUri']));
    const shared = runner();

    // Act
    const first = await shared.declaredParameters('churn-retrain').catch((e: unknown) => e);
    const second = await shared.declaredParameters('churn-retrain');

    // Assess
    expect(first).toMatchObject({ name: 'ThrottlingException' });
    expect([...second]).toEqual(['InputDataUri']);
    expect(sagemaker).toHaveReceivedCommandTimes(DescribePipelineCommand, 2);
  });

  it('rejects every caller of a failed DescribePipeline, leaving no rejection unhandled', async () => {
    // Prepare
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    sagemaker
      .on(DescribePipelineCommand)
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    const instance = runner();

    // Act
    const results = await Promise.allSettled([
      instance.declaredParameters('churn-retrain'),
      instance.declaredParameters('churn-retrain'),
    ]);
    await new Promise((resolve) => setImmediate(resolve));
    process.off('unhandledRejection', onUnhandled);

    // Assess
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(results.map((r) => (r as PromiseRejectedResult).reason.name)).toEqual([
      'ThrottlingException',
      'ThrottlingException',
    ]);
    expect(unhandled).toEqual([]);
    expect(sagemaker).toHaveReceivedCommandTimes(DescribePipelineCommand, 1);
  });

  it('reads a definition without parameters as declaring none', () => {
    // Act
    const declared = definitionParameterNames('p', JSON.stringify({ Version: '2020-12-01', Steps: [] }));

    // Assess
    expect(declared.size).toBe(0);
  });

  it.each([
    [undefined, 'DescribePipeline for "p" returned no PipelineDefinition'],
    ['{not json', 'the PipelineDefinition of "p" is not JSON'],
    ['{"Parameters":{"Name":"A"}}', 'the PipelineDefinition of "p" has a "Parameters" that is not a list'],
    ['{"Parameters":[{"Name":"A"},{"Type":"String"}]}', 'the PipelineDefinition of "p" has no Name in Parameters[1]'],
  ])('throws naming the pipeline for the malformed definition %p', (definition, message) => {
    // Act
    const read = () => definitionParameterNames('p', definition);

    // Assess
    expect(read).toThrow(message);
  });
});
