import { CloudWatchClient, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  DeleteEndpointConfigCommand,
  type DeploymentConfig,
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeModelCommand,
  SageMakerClient,
  UpdateEndpointCommand,
} from '@aws-sdk/client-sagemaker';
import { LocalClock } from '../../src/clock/index.js';
import { LocalCloudWatch } from '../../src/cloudwatch/index.js';
import { LocalSageMaker, type SageMakerEvent } from '../../src/sagemaker/index.js';

const START = '2026-03-02T09:00:00.000Z';
const REGION = 'eu-west-1';
const ACCOUNT = '111122223333';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/fleet-sagemaker-execution`;
const ALARM = 'churn-AllTraffic-Invocation5XXErrors';
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

const canary = (alarms: string[] = [ALARM]): DeploymentConfig => ({
  BlueGreenUpdatePolicy: {
    TrafficRoutingConfiguration: {
      Type: 'CANARY',
      CanarySize: { Type: 'CAPACITY_PERCENT', Value: 10 },
      WaitIntervalInSeconds: 600,
    },
    TerminationWaitInSeconds: 600,
    MaximumExecutionTimeoutInSeconds: 3600,
  },
  AutoRollbackConfiguration: { Alarms: alarms.map((AlarmName) => ({ AlarmName })) },
});

describe('LocalSageMaker endpoints over HTTP', () => {
  let clock: LocalClock;
  let cloudWatch: LocalCloudWatch;
  let sagemaker: LocalSageMaker;
  let client: SageMakerClient;
  let alarms: CloudWatchClient;
  let events: SageMakerEvent[];

  const describeChurn = () => client.send(new DescribeEndpointCommand({ EndpointName: 'churn' }));

  /** A package, a model and an endpoint configuration for version `version`, with `instances` instances. */
  const prepareVersion = async (version: number, instances = 2) => {
    const { ModelPackageArn } = await client.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'churn' }));
    await client.send(
      new CreateModelCommand({
        ModelName: `churn-v${version}`,
        Containers: [{ ModelPackageName: ModelPackageArn }],
        ExecutionRoleArn: ROLE,
      }),
    );
    await client.send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: `churn-v${version}`,
        ProductionVariants: [
          {
            VariantName: 'AllTraffic',
            ModelName: `churn-v${version}`,
            InstanceType: 'ml.m5.large',
            InitialInstanceCount: instances,
          },
        ],
        DataCaptureConfig: {
          EnableCapture: true,
          InitialSamplingPercentage: 100,
          DestinationS3Uri: 's3://fleet-local-data/capture',
          CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }],
          CaptureContentTypeHeader: { CsvContentTypes: ['text/csv'] },
        },
      }),
    );
    return ModelPackageArn as string;
  };

  /** Endpoint `churn` in service on v1. */
  const serveVersion1 = async () => {
    await prepareVersion(1);
    await client.send(new CreateEndpointCommand({ EndpointName: 'churn', EndpointConfigName: 'churn-v1' }));
    await clock.tick('5m');
  };

  beforeEach(async () => {
    clock = new LocalClock({ start: START });
    events = [];
    cloudWatch = new LocalCloudWatch({ clock, region: REGION, accountId: ACCOUNT });
    sagemaker = new LocalSageMaker({
      clock,
      region: REGION,
      accountId: ACCOUNT,
      alarms: cloudWatch,
      emit: (event) => {
        events.push(event);
      },
    });
    client = new SageMakerClient({ endpoint: await sagemaker.listen(), region: REGION, credentials });
    alarms = new CloudWatchClient({ endpoint: await cloudWatch.listen(), region: REGION, credentials });
    cloudWatch.putMetricAlarm({
      AlarmName: ALARM,
      Namespace: 'AWS/SageMaker',
      MetricName: 'Invocation5XXErrors',
      Statistic: 'Sum',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
    await client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'churn' }));
  });

  afterEach(async () => {
    client.destroy();
    alarms.destroy();
    await sagemaker.close();
    await cloudWatch.close();
  });

  describe('models and endpoint configurations', () => {
    it('describes a model created from a model package', async () => {
      // Prepare
      const packageArn = await prepareVersion(1);

      // Act
      const model = await client.send(new DescribeModelCommand({ ModelName: 'churn-v1' }));

      // Assess
      expect(model).toMatchObject({
        ModelName: 'churn-v1',
        ModelArn: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model/churn-v1`,
        Containers: [{ ModelPackageName: packageArn }],
        ExecutionRoleArn: ROLE,
        CreationTime: new Date(START),
      });
    });

    it('refuses a model of a package that does not exist, and a second model of the same name', async () => {
      // Prepare
      await prepareVersion(1);

      // Act
      const missing = client.send(
        new CreateModelCommand({
          ModelName: 'churn-v9',
          Containers: [{ ModelPackageName: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/9` }],
          ExecutionRoleArn: ROLE,
        }),
      );
      const again = client.send(
        new CreateModelCommand({ ModelName: 'churn-v1', Containers: [{ Image: 'x' }], ExecutionRoleArn: ROLE }),
      );

      // Assess
      await expect(missing).rejects.toMatchObject({ name: 'ValidationException' });
      await expect(again).rejects.toMatchObject({
        name: 'ValidationException',
        message: `Cannot create already existing model "arn:aws:sagemaker:${REGION}:${ACCOUNT}:model/churn-v1".`,
      });
    });

    it('describes an endpoint configuration, deletes it, and then cannot find it', async () => {
      // Prepare
      await prepareVersion(1);
      const described = await client.send(new DescribeEndpointConfigCommand({ EndpointConfigName: 'churn-v1' }));

      // Act
      await client.send(new DeleteEndpointConfigCommand({ EndpointConfigName: 'churn-v1' }));
      const gone = client.send(new DescribeEndpointConfigCommand({ EndpointConfigName: 'churn-v1' }));

      // Assess
      expect(described).toMatchObject({
        EndpointConfigName: 'churn-v1',
        EndpointConfigArn: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:endpoint-config/churn-v1`,
        ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'churn-v1', InitialInstanceCount: 2 }],
        DataCaptureConfig: { InitialSamplingPercentage: 100, DestinationS3Uri: 's3://fleet-local-data/capture' },
      });
      await expect(gone).rejects.toMatchObject({
        name: 'ValidationException',
        message: `Could not find endpoint configuration "arn:aws:sagemaker:${REGION}:${ACCOUNT}:endpoint-config/churn-v1".`,
      });
    });

    it('refuses an endpoint configuration whose model does not exist', async () => {
      // Act
      const outcome = client.send(
        new CreateEndpointConfigCommand({
          EndpointConfigName: 'orphan',
          ProductionVariants: [
            { VariantName: 'AllTraffic', ModelName: 'nope', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 },
          ],
        }),
      );

      // Assess
      await expect(outcome).rejects.toMatchObject({
        message: `Could not find model "arn:aws:sagemaker:${REGION}:${ACCOUNT}:model/nope".`,
      });
    });
  });

  describe('CreateEndpoint', () => {
    it('is Creating, then InService on its configuration after the creation time', async () => {
      // Prepare
      await prepareVersion(1);
      const { EndpointArn } = await client.send(
        new CreateEndpointCommand({ EndpointName: 'churn', EndpointConfigName: 'churn-v1' }),
      );

      // Act
      const creating = await describeChurn();
      await clock.tick('5m');
      const inService = await describeChurn();

      // Assess
      expect(EndpointArn).toBe(`arn:aws:sagemaker:${REGION}:${ACCOUNT}:endpoint/churn`);
      expect(creating).toMatchObject({
        EndpointStatus: 'Creating',
        EndpointConfigName: 'churn-v1',
        PendingDeploymentSummary: { EndpointConfigName: 'churn-v1' },
      });
      expect(inService).toMatchObject({
        EndpointStatus: 'InService',
        EndpointConfigName: 'churn-v1',
        ProductionVariants: [{ VariantName: 'AllTraffic', CurrentInstanceCount: 2, CurrentWeight: 1 }],
        DataCaptureConfig: {
          EnableCapture: true,
          CaptureStatus: 'Started',
          CurrentSamplingPercentage: 100,
          DestinationS3Uri: 's3://fleet-local-data/capture',
        },
        LastModifiedTime: new Date('2026-03-02T09:05:00.000Z'),
      });
      expect(inService.PendingDeploymentSummary).toBeUndefined();
      const states = events
        .filter((event) => event['detail-type'] === 'SageMaker Endpoint State Change')
        .map((event) => (event.detail as { EndpointStatus: string }).EndpointStatus);
      expect(states).toEqual(['CREATING', 'IN_SERVICE']);
    });

    it('answers AWS ValidationExceptions for a taken name, an unknown configuration and a bad name', async () => {
      // Prepare
      await serveVersion1();

      // Act
      const taken = client.send(new CreateEndpointCommand({ EndpointName: 'churn', EndpointConfigName: 'churn-v1' }));
      const unknown = client.send(new CreateEndpointCommand({ EndpointName: 'other', EndpointConfigName: 'churn-v7' }));
      const badName = client.send(
        new CreateEndpointCommand({ EndpointName: 'churn_prod', EndpointConfigName: 'churn-v1' }),
      );
      const missing = client.send(new DescribeEndpointCommand({ EndpointName: 'nope' }));

      // Assess
      await expect(taken).rejects.toMatchObject({
        name: 'ValidationException',
        message: `Cannot create already existing endpoint "arn:aws:sagemaker:${REGION}:${ACCOUNT}:endpoint/churn".`,
      });
      await expect(unknown).rejects.toMatchObject({
        message: expect.stringMatching(/^Could not find endpoint configuration/),
      });
      await expect(badName).rejects.toMatchObject({
        message: expect.stringContaining("Value 'churn_prod' at 'endpointName' failed to satisfy constraint"),
      });
      await expect(missing).rejects.toMatchObject({
        message: `Could not find endpoint "arn:aws:sagemaker:${REGION}:${ACCOUNT}:endpoint/nope".`,
      });
    });

    it('ends Failed with the reason when its deployment fails', async () => {
      // Prepare
      await prepareVersion(1);
      await client.send(new CreateEndpointCommand({ EndpointName: 'churn', EndpointConfigName: 'churn-v1' }));
      sagemaker.hosting.failNextDeployment('churn', 'The primary container did not pass the ping health check.');

      // Act
      await clock.tick('5m');

      // Assess
      expect(await describeChurn()).toMatchObject({
        EndpointStatus: 'Failed',
        FailureReason: 'The primary container did not pass the ping health check.',
      });
    });
  });

  describe('UpdateEndpoint with a canary', () => {
    beforeEach(async () => {
      await serveVersion1();
      await prepareVersion(2);
    });

    const update = (config = canary()) =>
      client.send(
        new UpdateEndpointCommand({ EndpointName: 'churn', EndpointConfigName: 'churn-v2', DeploymentConfig: config }),
      );

    it('launches the canary, bakes it, shifts all traffic, bakes again, then serves the new configuration', async () => {
      // Prepare
      await update();
      const variantStatus = async () => {
        const described = await describeChurn();
        return {
          status: described.EndpointStatus,
          config: described.EndpointConfigName,
          step: described.PendingDeploymentSummary?.ProductionVariants?.[0]?.VariantStatus?.[0]?.StatusMessage,
        };
      };

      // Act
      const launching = await variantStatus();
      await clock.tick('4m');
      const canaryBaking = await variantStatus();
      await clock.tick('10m');
      const launchingRest = await variantStatus();
      await clock.tick('3m');
      const baking = await variantStatus();
      await clock.tick('9m');
      const done = await describeChurn();

      // Assess
      expect(launching).toEqual({ status: 'Updating', config: 'churn-v1', step: 'Launching 1 instance(s).' });
      expect(canaryBaking).toEqual({
        status: 'Updating',
        config: 'churn-v1',
        step: 'Baking for 600 seconds (WaitIntervalInSeconds) with traffic enabled on canary capacity of 1 instance(s).',
      });
      expect(launchingRest.step).toBe('Launching 1 instance(s).');
      expect(baking.step).toBe(
        'Baking for 600 seconds (TerminationWaitInSeconds) with traffic enabled on full capacity of 2 instance(s).',
      );
      expect(done).toMatchObject({
        EndpointStatus: 'InService',
        EndpointConfigName: 'churn-v2',
        LastDeploymentConfig: canary(),
        LastModifiedTime: new Date('2026-03-02T09:31:00.000Z'),
      });
      expect(done.FailureReason).toBeUndefined();
      expect(done.PendingDeploymentSummary).toBeUndefined();
    });

    it('answers "Cannot update in-progress endpoint" while updating', async () => {
      // Prepare
      await update();

      // Act
      const outcome = update();

      // Assess
      await expect(outcome).rejects.toMatchObject({
        name: 'ValidationException',
        message: `Cannot update in-progress endpoint "arn:aws:sagemaker:${REGION}:${ACCOUNT}:endpoint/churn".`,
      });
    });

    it('refuses a canary larger than half the fleet', async () => {
      // Prepare
      const config = canary();
      config.BlueGreenUpdatePolicy!.TrafficRoutingConfiguration!.CanarySize = { Type: 'INSTANCE_COUNT', Value: 2 };

      // Act
      const outcome = update(config);

      // Assess
      await expect(outcome).rejects.toMatchObject({
        name: 'ValidationException',
        message: "CanarySize must be less than or equal to 50% of the variant's total instance count (2).",
      });
      expect(sagemaker.hosting.endpointStatus('churn')).toBe('InService');
    });

    it('rolls back to the old configuration when an alarm goes into ALARM during the canary', async () => {
      // Prepare
      await update();
      await clock.tick('5m');

      // Act
      await alarms.send(new SetAlarmStateCommand({ AlarmName: ALARM, StateValue: 'ALARM', StateReason: '5XX errors' }));
      const rollingBack = await describeChurn();
      await clock.tick('2m');
      const after = await describeChurn();

      // Assess
      expect(rollingBack.EndpointStatus).toBe('RollingBack');
      expect(after).toMatchObject({
        EndpointStatus: 'InService',
        EndpointConfigName: 'churn-v1',
        FailureReason: `Update was rolled back because the following CloudWatch alarms were in ALARM state: [${ALARM}].`,
      });
      const states = events
        .filter((event) => event['detail-type'] === 'SageMaker Endpoint State Change')
        .map((event) => (event.detail as { EndpointStatus: string }).EndpointStatus);
      expect(states.slice(-3)).toEqual(['UPDATING', 'ROLLING_BACK', 'IN_SERVICE']);
    });

    it('rolls back when an alarm goes into ALARM during the final baking', async () => {
      // Prepare
      await update();
      await clock.tick('20m');
      const baking = await describeChurn();

      // Act
      cloudWatch.setAlarmState(ALARM, 'ALARM', 'latency p99 above threshold');
      await clock.tick('2m');

      // Assess
      expect(baking.PendingDeploymentSummary?.ProductionVariants?.[0]?.VariantStatus?.[0]?.Status).toBe('Baking');
      expect(await describeChurn()).toMatchObject({ EndpointStatus: 'InService', EndpointConfigName: 'churn-v1' });
    });

    it('rolls back at once when an alarm is already in ALARM when traffic reaches the canary', async () => {
      // Prepare
      cloudWatch.setAlarmState(ALARM, 'ALARM');
      await update();

      // Act
      await clock.tick('3m');

      // Assess
      expect(sagemaker.hosting.endpointStatus('churn')).toBe('RollingBack');
    });

    it('ignores alarms it does not watch', async () => {
      // Prepare
      cloudWatch.putMetricAlarm({
        AlarmName: 'unrelated',
        MetricName: 'CPUUtilization',
        Namespace: 'AWS/EC2',
        Statistic: 'Average',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 90,
        ComparisonOperator: 'GreaterThanThreshold',
      });
      await update();
      await clock.tick('5m');

      // Act
      cloudWatch.setAlarmState('unrelated', 'ALARM');
      await clock.tick('30m');

      // Assess
      expect(await describeChurn()).toMatchObject({ EndpointStatus: 'InService', EndpointConfigName: 'churn-v2' });
    });

    it('ends UpdateRollbackFailed when the rollback fails too', async () => {
      // Prepare
      await update();
      await clock.tick('5m');
      sagemaker.hosting.failNextRollback('churn', 'Rollback failed: could not restore 1 instance(s) of the old fleet.');

      // Act
      cloudWatch.setAlarmState(ALARM, 'ALARM');
      await clock.tick('2m');

      // Assess
      expect(await describeChurn()).toMatchObject({
        EndpointStatus: 'UpdateRollbackFailed',
        FailureReason: expect.stringContaining('Rollback failed: could not restore 1 instance(s) of the old fleet.'),
      });
    });

    it('sends Deployment State Change events with the pending deployment summary', async () => {
      // Prepare
      await update();

      // Act
      await clock.tick('4m');

      // Assess
      const deployment = events.filter(
        (event) => event['detail-type'] === 'SageMaker Endpoint Deployment State Change',
      );
      expect(deployment.at(-1)).toMatchObject({
        source: 'aws.sagemaker',
        account: ACCOUNT,
        region: REGION,
        resources: [`arn:aws:sagemaker:${REGION}:${ACCOUNT}:endpoint/churn`],
        detail: {
          EndpointName: 'churn',
          EndpointConfigName: 'churn-v1',
          EndpointStatus: 'UPDATING',
          PendingDeploymentSummary: {
            EndpointConfigName: 'churn-v2',
            ProductionVariants: [
              {
                VariantName: 'AllTraffic',
                CurrentInstanceCount: 1,
                DesiredInstanceCount: 2,
                VariantStatus: [{ Status: 'Baking', StartTime: Date.parse('2026-03-02T09:08:00.000Z') }],
              },
            ],
          },
        },
      });
    });
  });

  describe('UpdateEndpoint, other strategies and failures', () => {
    beforeEach(async () => {
      await serveVersion1();
      await prepareVersion(2);
    });

    const allAtOnce = (termination: number, maximum?: number): DeploymentConfig => ({
      BlueGreenUpdatePolicy: {
        TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 0 },
        TerminationWaitInSeconds: termination,
        ...(maximum === undefined ? {} : { MaximumExecutionTimeoutInSeconds: maximum }),
      },
      AutoRollbackConfiguration: { Alarms: [{ AlarmName: ALARM }] },
    });
    const update = (config?: DeploymentConfig) =>
      client.send(
        new UpdateEndpointCommand({ EndpointName: 'churn', EndpointConfigName: 'churn-v2', DeploymentConfig: config }),
      );

    it('shifts all traffic at once and bakes for the termination wait', async () => {
      // Prepare
      await update(allAtOnce(300));

      // Act
      await clock.tick('3m');
      const baking = await describeChurn();
      await clock.tick('5m');

      // Assess
      expect(baking.PendingDeploymentSummary?.ProductionVariants?.[0]?.VariantStatus?.[0]?.StatusMessage).toBe(
        'Baking for 300 seconds (TerminationWaitInSeconds) with traffic enabled on full capacity of 2 instance(s).',
      );
      expect(await describeChurn()).toMatchObject({ EndpointStatus: 'InService', EndpointConfigName: 'churn-v2' });
    });

    it('updates without guardrails when no DeploymentConfig is given', async () => {
      // Act
      await update();
      await clock.tick('3m');

      // Assess
      expect(await describeChurn()).toMatchObject({ EndpointStatus: 'InService', EndpointConfigName: 'churn-v2' });
    });

    it('refuses a MaximumExecutionTimeoutInSeconds no longer than the waits', async () => {
      // Act
      const outcome = update(allAtOnce(600, 600));

      // Assess
      await expect(outcome).rejects.toMatchObject({
        name: 'ValidationException',
        message: 'MaximumExecutionTimeoutInSeconds (600) must be larger than the total waiting time (600 seconds).',
      });
    });

    it('rolls back when the deployment takes longer than MaximumExecutionTimeoutInSeconds', async () => {
      // Prepare
      await update(allAtOnce(3000, 3100));

      // Act
      await clock.tick('3100s');
      await clock.tick('2m');

      // Assess
      expect(await describeChurn()).toMatchObject({
        EndpointStatus: 'InService',
        EndpointConfigName: 'churn-v1',
        FailureReason: 'Deployment timed out after MaximumExecutionTimeoutInSeconds (3100).',
      });
    });

    it('rolls back with the reason when the new fleet fails to launch', async () => {
      // Prepare
      await update(allAtOnce(60));
      sagemaker.hosting.failNextDeployment('churn', 'The model container exited with code 1.');

      // Act
      await clock.tick('5m');

      // Assess
      expect(await describeChurn()).toMatchObject({
        EndpointStatus: 'InService',
        EndpointConfigName: 'churn-v1',
        FailureReason: 'The model container exited with code 1.',
      });
    });

    it('accepts an update of an endpoint left UpdateRollbackFailed', async () => {
      // Prepare
      await update(allAtOnce(600));
      await clock.tick('3m');
      sagemaker.hosting.failNextRollback('churn');
      cloudWatch.setAlarmState(ALARM, 'ALARM');
      await clock.tick('2m');
      cloudWatch.setAlarmState(ALARM, 'OK');

      // Act
      await update(allAtOnce(60));
      await clock.tick('5m');

      // Assess
      expect(await describeChurn()).toMatchObject({ EndpointStatus: 'InService', EndpointConfigName: 'churn-v2' });
    });
  });

  it('shifts traffic one linear step at a time', async () => {
    // Prepare
    await serveVersion1();
    await prepareVersion(2, 4);
    await client.send(
      new UpdateEndpointCommand({
        EndpointName: 'churn',
        EndpointConfigName: 'churn-v2',
        DeploymentConfig: {
          BlueGreenUpdatePolicy: {
            TrafficRoutingConfiguration: {
              Type: 'LINEAR',
              LinearStepSize: { Type: 'INSTANCE_COUNT', Value: 2 },
              WaitIntervalInSeconds: 300,
            },
            TerminationWaitInSeconds: 120,
          },
        },
      }),
    );

    // Act
    await clock.tick('1h');

    // Assess
    const steps = events
      .filter((event) => event['detail-type'] === 'SageMaker Endpoint Deployment State Change')
      .map((event) => {
        const detail = event.detail as {
          PendingDeploymentSummary?: { ProductionVariants: { VariantStatus: { StatusMessage: string }[] }[] };
        };
        return detail.PendingDeploymentSummary?.ProductionVariants[0].VariantStatus[0].StatusMessage;
      })
      .filter((message): message is string => message !== undefined && !message.startsWith('Launching'));
    expect(steps.slice(-4)).toEqual([
      'Activating traffic on 2 instance(s) of 4.',
      'Baking for 300 seconds (WaitIntervalInSeconds) with traffic enabled on 2 instance(s).',
      'Activating traffic on full capacity of 4 instance(s).',
      'Baking for 120 seconds (TerminationWaitInSeconds) with traffic enabled on full capacity of 4 instance(s).',
    ]);
    expect(await describeChurn()).toMatchObject({ EndpointStatus: 'InService', EndpointConfigName: 'churn-v2' });
  });
});
