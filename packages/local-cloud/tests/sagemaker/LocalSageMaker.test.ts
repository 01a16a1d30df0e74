import {
  DescribePipelineCommand,
  DescribePipelineExecutionCommand,
  ListPipelineExecutionsCommand,
  SageMakerClient,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
} from '@aws-sdk/client-sagemaker';
import { PipelineExecutionStatusChangeEvent } from '@fleet/shared';
import { LocalClock } from '../../src/clock/index.js';
import { LocalSageMaker, type PipelineExecutionStatusChangeEnvelope } from '../../src/sagemaker/index.js';

const START = '2026-03-02T09:00:00.000Z';
const TOKEN = 'dataset-orders-raw-2026-03-02-etag-0123456789abcdef';

describe('LocalSageMaker over HTTP', () => {
  let clock: LocalClock;
  let sagemaker: LocalSageMaker;
  let client: SageMakerClient;
  let events: PipelineExecutionStatusChangeEnvelope[];

  beforeEach(async () => {
    clock = new LocalClock({ start: START });
    events = [];
    sagemaker = new LocalSageMaker({
      clock,
      region: 'eu-west-1',
      accountId: '111122223333',
      // No pipeline here registers models: every event is a pipeline status change.
      emit: (event) => {
        events.push(event as PipelineExecutionStatusChangeEnvelope);
      },
    });
    sagemaker.registerPipeline({
      name: 'orders-rollup',
      parameters: [
        { name: 'InputDataUri', defaultValue: 's3://bucket/incoming/orders/' },
        { name: 'MinAuc', type: 'Float', defaultValue: 0.8 },
      ],
      run: ({ parameters }) =>
        parameters.InputDataUri.endsWith('broken.csv')
          ? { duration: '20m', status: 'Failed', failureReason: "Step 'Train' failed: AlgorithmError" }
          : { duration: '45m' },
    });
    const endpoint = await sagemaker.listen();
    client = new SageMakerClient({
      endpoint,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });

  afterEach(async () => {
    client.destroy();
    await sagemaker.close();
  });

  const start = (input: Partial<ConstructorParameters<typeof StartPipelineExecutionCommand>[0]> = {}) =>
    client.send(
      new StartPipelineExecutionCommand({ PipelineName: 'orders-rollup', ClientRequestToken: TOKEN, ...input }),
    );

  it('returns the same execution ARN and starts nothing when the ClientRequestToken repeats', async () => {
    // Prepare
    const first = await start({ PipelineParameters: [{ Name: 'InputDataUri', Value: 's3://bucket/incoming/a.csv' }] });

    // Act
    const second = await start({ PipelineParameters: [{ Name: 'InputDataUri', Value: 's3://bucket/incoming/a.csv' }] });

    // Assess
    expect(second.PipelineExecutionArn).toBe(first.PipelineExecutionArn);
    expect(first.PipelineExecutionArn).toMatch(
      /^arn:aws:sagemaker:eu-west-1:111122223333:pipeline\/orders-rollup\/execution\/[a-z0-9]{12}$/,
    );
    expect(sagemaker.executions()).toHaveLength(1);
  });

  it('starts a new execution for a new ClientRequestToken', async () => {
    // Prepare
    await start();

    // Act
    await start({ ClientRequestToken: `${TOKEN}-2` });

    // Assess
    expect(sagemaker.executions({ pipelineName: 'orders-rollup' })).toHaveLength(2);
  });

  it('throws ValidationException when the ClientRequestToken is shorter than 32 characters', async () => {
    // Act
    const outcome = start({ ClientRequestToken: 'too-short' });

    // Assess
    await expect(outcome).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining(
        "Value 'too-short' at 'clientRequestToken' failed to satisfy constraint: Member must have length greater than or equal to 32",
      ),
      $metadata: expect.objectContaining({ httpStatusCode: 400 }),
    });
    expect(sagemaker.executions()).toHaveLength(0);
  });

  it('throws ValidationException when a parameter name contains a space', async () => {
    // Act
    const outcome = start({ PipelineParameters: [{ Name: 'Input Data', Value: 'x' }] });

    // Assess
    await expect(outcome).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining("at 'pipelineParameters.1.member.name' failed to satisfy constraint"),
    });
  });

  it('throws ValidationException when the display name contains an underscore', async () => {
    // Act
    const outcome = start({ PipelineExecutionDisplayName: 'rollup_2026' });

    // Assess
    await expect(outcome).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining(
        "Value 'rollup_2026' at 'pipelineExecutionDisplayName' failed to satisfy constraint: Member must satisfy regular expression pattern",
      ),
    });
  });

  it('reports every violation of one request in one ValidationException', async () => {
    // Act
    const outcome = start({
      ClientRequestToken: 'short',
      PipelineExecutionDescription: 'x'.repeat(3073),
      PipelineParameters: Array.from({ length: 201 }, (_, i) => ({ Name: `P${i}`, Value: 'v' })),
    });

    // Assess
    await expect(outcome).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringMatching(/^3 validation errors detected: /),
    });
  });

  it('throws ValidationException when a parameter is not declared by the pipeline', async () => {
    // Act
    const outcome = start({ PipelineParameters: [{ Name: 'LearningRate', Value: '0.1' }] });

    // Assess
    await expect(outcome).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('[LearningRate]'),
    });
  });

  it('throws ValidationException when a Float parameter is not a number', async () => {
    // Act
    const outcome = start({ PipelineParameters: [{ Name: 'MinAuc', Value: 'high' }] });

    // Assess
    await expect(outcome).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('throws ResourceNotFound when the pipeline does not exist', async () => {
    // Act
    const outcome = start({ PipelineName: 'no-such-pipeline' });

    // Assess
    await expect(outcome).rejects.toMatchObject({
      name: 'ResourceNotFound',
      message: "Pipeline 'arn:aws:sagemaker:eu-west-1:111122223333:pipeline/no-such-pipeline' does not exist.",
    });
  });

  it('succeeds after the planned duration and emits the Executing and Succeeded events', async () => {
    // Prepare
    const { PipelineExecutionArn } = await start({
      PipelineExecutionDisplayName: 'rollup-2026-03-02',
      PipelineExecutionDescription: 'dataset orders/incoming/a.csv',
    });
    const pipelineArn = 'arn:aws:sagemaker:eu-west-1:111122223333:pipeline/orders-rollup';

    // Act
    await clock.tick('44m');
    const midway = await client.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn }));
    await clock.tick('1m');
    const done = await client.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn }));

    // Assess
    expect(midway.PipelineExecutionStatus).toBe('Executing');
    expect(done).toMatchObject({
      PipelineArn: pipelineArn,
      PipelineExecutionStatus: 'Succeeded',
      PipelineExecutionDisplayName: 'rollup-2026-03-02',
      CreationTime: new Date(START),
      LastModifiedTime: new Date('2026-03-02T09:45:00.000Z'),
    });
    expect(events.map((e) => PipelineExecutionStatusChangeEvent.parse(e))).toHaveLength(2);
    expect(events[0]).toEqual({
      version: '0',
      id: expect.any(String),
      'detail-type': 'SageMaker Model Building Pipeline Execution Status Change',
      source: 'aws.sagemaker',
      account: '111122223333',
      time: '2026-03-02T09:00:00Z',
      region: 'eu-west-1',
      resources: [pipelineArn, PipelineExecutionArn],
      detail: {
        pipelineArn,
        pipelineExecutionArn: PipelineExecutionArn,
        pipelineExecutionDisplayName: 'rollup-2026-03-02',
        pipelineExecutionDescription: 'dataset orders/incoming/a.csv',
        currentPipelineExecutionStatus: 'Executing',
        executionStartTime: '2026-03-02T09:00:00Z',
      },
    });
    expect(events[1]).toMatchObject({
      time: '2026-03-02T09:45:00Z',
      detail: {
        currentPipelineExecutionStatus: 'Succeeded',
        previousPipelineExecutionStatus: 'Executing',
        executionStartTime: '2026-03-02T09:00:00Z',
        executionEndTime: '2026-03-02T09:45:00Z',
      },
    });
  });

  it('fails with the planned FailureReason when the plan decides from the parameters', async () => {
    // Prepare
    const { PipelineExecutionArn } = await start({
      PipelineParameters: [{ Name: 'InputDataUri', Value: 's3://bucket/incoming/broken.csv' }],
    });

    // Act
    await clock.tick('20m');
    const described = await client.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn }));

    // Assess
    expect(described).toMatchObject({
      PipelineExecutionStatus: 'Failed',
      FailureReason: "Step 'Train' failed: AlgorithmError",
    });
    expect(events.map((e) => e.detail.currentPipelineExecutionStatus)).toEqual(['Executing', 'Failed']);
    expect(sagemaker.execution(PipelineExecutionArn!)?.parameters).toEqual({
      InputDataUri: 's3://bucket/incoming/broken.csv',
      MinAuc: '0.8',
    });
  });

  it('lists executions newest first with their status summaries, a page at a time', async () => {
    // Prepare
    const first = await start({ PipelineExecutionDisplayName: 'first' });
    await clock.tick('50m');
    const second = await start({ ClientRequestToken: `${TOKEN}-2`, PipelineExecutionDisplayName: 'second' });

    // Act
    const page1 = await client.send(
      new ListPipelineExecutionsCommand({ PipelineName: 'orders-rollup', MaxResults: 1 }),
    );
    const page2 = await client.send(
      new ListPipelineExecutionsCommand({ PipelineName: 'orders-rollup', MaxResults: 1, NextToken: page1.NextToken }),
    );

    // Assess
    expect(page1.PipelineExecutionSummaries).toEqual([
      expect.objectContaining({
        PipelineExecutionArn: second.PipelineExecutionArn,
        PipelineExecutionStatus: 'Executing',
        PipelineExecutionDisplayName: 'second',
        StartTime: new Date('2026-03-02T09:50:00.000Z'),
      }),
    ]);
    expect(page2.PipelineExecutionSummaries).toEqual([
      expect.objectContaining({
        PipelineExecutionArn: first.PipelineExecutionArn,
        PipelineExecutionStatus: 'Succeeded',
      }),
    ]);
    expect(page2.NextToken).toBeUndefined();
  });

  it('describes the pipeline with its declared parameters in the definition', async () => {
    // Act
    const described = await client.send(new DescribePipelineCommand({ PipelineName: 'orders-rollup' }));

    // Assess
    expect(described).toMatchObject({ PipelineName: 'orders-rollup', PipelineStatus: 'Active' });
    expect(JSON.parse(described.PipelineDefinition!).Parameters).toEqual([
      { Name: 'InputDataUri', Type: 'String', DefaultValue: 's3://bucket/incoming/orders/' },
      { Name: 'MinAuc', Type: 'Float', DefaultValue: '0.8' },
    ]);
  });

  it('stops an execution and emits the Stopping and Stopped events', async () => {
    // Prepare
    const { PipelineExecutionArn } = await start();
    await clock.tick('5m');

    // Act
    await client.send(new StopPipelineExecutionCommand({ PipelineExecutionArn }));
    await clock.tick(0);
    await clock.tick('2h');

    // Assess
    expect(events.map((e) => e.detail.currentPipelineExecutionStatus)).toEqual(['Executing', 'Stopping', 'Stopped']);
    expect(sagemaker.execution(PipelineExecutionArn!)?.status).toBe('Stopped');
  });

  it('throws ResourceLimitExceeded when too many executions run at once', async () => {
    // Prepare
    const limited = new LocalSageMaker({ clock, maxConcurrentExecutions: 1 });
    limited.registerPipeline({ name: 'p' });
    await limited.handle('StartPipelineExecution', { PipelineName: 'p', ClientRequestToken: TOKEN });

    // Act
    const outcome = limited.handle('StartPipelineExecution', { PipelineName: 'p', ClientRequestToken: `${TOKEN}-2` });

    // Assess
    await expect(outcome).rejects.toMatchObject({ code: 'ResourceLimitExceeded' });
  });

  it('throws ResourceNotFound when describing an unknown execution', async () => {
    // Act
    const outcome = client.send(
      new DescribePipelineExecutionCommand({
        PipelineExecutionArn: 'arn:aws:sagemaker:eu-west-1:111122223333:pipeline/orders-rollup/execution/nope',
      }),
    );

    // Assess
    await expect(outcome).rejects.toMatchObject({ name: 'ResourceNotFound' });
  });

  it('sends events to an emitter set after construction', async () => {
    // Prepare
    const late: string[] = [];
    sagemaker.setEmitter((event) => {
      late.push((event as PipelineExecutionStatusChangeEnvelope).detail.currentPipelineExecutionStatus);
    });
    await start();

    // Act
    await clock.tick('45m');

    // Assess
    expect(late).toEqual(['Executing', 'Succeeded']);
    expect(events).toHaveLength(0);
    expect(sagemaker.emittedEvents()).toHaveLength(2);
  });
});
