import { ListPipelinesCommand, SageMakerClient, SageMakerServiceException } from '@aws-sdk/client-sagemaker';
import { LocalClock } from '../../src/clock/index.js';
import { LocalSageMaker } from '../../src/sagemaker/index.js';

const START = '2026-03-02T09:00:00.000Z';

describe('LocalSageMaker ListPipelines over HTTP', () => {
  let clock: LocalClock;
  let sagemaker: LocalSageMaker;
  let client: SageMakerClient;

  beforeEach(async () => {
    clock = new LocalClock({ start: START });
    sagemaker = new LocalSageMaker({ clock, region: 'eu-west-1', accountId: '111122223333' });
    sagemaker.registerPipeline({ name: 'churn-retrain', description: 'churn' });
    await clock.tick('1m');
    sagemaker.registerPipeline({ name: 'fraud-retrain' });
    await clock.tick('1m');
    sagemaker.registerPipeline({ name: 'churn-score' });
    client = new SageMakerClient({
      endpoint: await sagemaker.listen(),
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });

  afterEach(async () => {
    client.destroy();
    await sagemaker.close();
  });

  it('lists every pipeline, newest first, with its ARN and creation time', async () => {
    // Act
    const output = await client.send(new ListPipelinesCommand({}));

    // Assess
    expect(output.PipelineSummaries?.map((summary) => summary.PipelineName)).toEqual([
      'churn-score',
      'fraud-retrain',
      'churn-retrain',
    ]);
    expect(output.PipelineSummaries?.[2]).toMatchObject({
      PipelineArn: 'arn:aws:sagemaker:eu-west-1:111122223333:pipeline/churn-retrain',
      PipelineDescription: 'churn',
      CreationTime: new Date(START),
    });
    expect(output.NextToken).toBeUndefined();
  });

  it('filters by name prefix and sorts by name when asked', async () => {
    // Act
    const output = await client.send(
      new ListPipelinesCommand({ PipelineNamePrefix: 'churn', SortBy: 'Name', SortOrder: 'Ascending' }),
    );

    // Assess
    expect(output.PipelineSummaries?.map((summary) => summary.PipelineName)).toEqual(['churn-retrain', 'churn-score']);
  });

  it('pages with MaxResults and NextToken', async () => {
    // Act
    const first = await client.send(
      new ListPipelinesCommand({ MaxResults: 2, SortBy: 'Name', SortOrder: 'Ascending' }),
    );
    const second = await client.send(
      new ListPipelinesCommand({ MaxResults: 2, SortBy: 'Name', SortOrder: 'Ascending', NextToken: first.NextToken }),
    );

    // Assess
    expect(first.PipelineSummaries?.map((summary) => summary.PipelineName)).toEqual(['churn-retrain', 'churn-score']);
    expect(second.PipelineSummaries?.map((summary) => summary.PipelineName)).toEqual(['fraud-retrain']);
    expect(second.NextToken).toBeUndefined();
  });

  it('throws ValidationException when SortBy is not a member of the enum', async () => {
    // Act
    const listing = client.send(new ListPipelinesCommand({ SortBy: 'Status' as 'Name' }));

    // Assess
    await expect(listing).rejects.toBeInstanceOf(SageMakerServiceException);
    await expect(listing).rejects.toMatchObject({ name: 'ValidationException' });
  });
});
