import { type FleetCloud, startFleetCloud } from '@fleet/cli/local';

// The fleet on the local cloud, as `fleet local` and the demo start it.

describe('the fleet on the local cloud', () => {
  let fleet: FleetCloud | undefined;

  afterEach(async () => {
    await fleet?.stop();
    fleet = undefined;
  });

  it('registers the pipelines of the fleet configuration with their allow-listed and static parameters', async () => {
    // Prepare
    fleet = await startFleetCloud({ serviceDirs: [] });

    // Act
    const described = await fleet.cloud.sageMaker.handle('DescribePipeline', { PipelineName: 'churn-retrain' });

    // Assess
    const definition = JSON.parse(described.PipelineDefinition as string) as { Parameters: { Name: string }[] };
    expect(definition.Parameters.map((p) => p.Name).sort()).toEqual(
      [
        'ContractHash',
        'DatasetName',
        'InputDataUri',
        'ModelApprovalStatus',
        'TrainingWindowDays',
        'TriggerReason',
      ].sort(),
    );
  });

  it('names the core stack resources and gives a client its endpoints, credentials and region', async () => {
    // Act
    fleet = await startFleetCloud({ serviceDirs: [] });

    // Assess
    expect(fleet.resources).toEqual({
      recordsTable: 'fleet-local-records',
      dataBucket: 'fleet-local-data-123456789012-eu-west-1',
      eventBus: 'fleet-local',
    });
    expect(Object.keys(fleet.endpoints).sort()).toEqual([
      'cloudwatch',
      'dynamodb',
      'eventbridge',
      'lambda',
      's3',
      'sagemaker',
      'sagemaker_runtime',
      'scheduler',
      'sfn',
      'sns',
      'sqs',
      'ssm',
    ]);
    expect(fleet.env).toMatchObject({
      AWS_ENDPOINT_URL_DYNAMODB: fleet.endpoints.dynamodb,
      AWS_ENDPOINT_URL_SAGEMAKER: fleet.endpoints.sagemaker,
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      AWS_REGION: 'eu-west-1',
    });
    expect(fleet.stage).toBe('local');
  });
});
