import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeModelCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { type FleetCloud, startFleetCloud } from '@fleet/cli/local';
import type { LocalCloud } from '@fleet/local-cloud';
import { approvalMessages, click, detailsOf, retrain } from './support/approval.js';

// The deployment of an approved model on the local cloud: the approval state machine continues
// past Approved into the deployment branch (the endpoint's lease, a model and an endpoint
// configuration per package version, CreateEndpoint or a blue/green UpdateEndpoint with
// auto-rollback alarms, a DescribeEndpoint loop), on the local clock. SageMaker hosting and
// CloudWatch alarms are the local cloud's stand-ins; the approvals are clicked in Slack.

const SCENARIO_MS = 180_000;
const MINUTE_MS = 60_000;
const PACKAGE_1 = 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/1';
const ALARM_5XX = 'fleet-local-churn-AllTraffic-Invocation5XXErrors';
const ROLE = 'arn:aws:iam::123456789012:role/fleet-sagemaker-execution';

describe('the deployment of an approved model on the local cloud', () => {
  let fleet: FleetCloud | undefined;
  let sageMaker: SageMakerClient | undefined;

  const start = async (options: Parameters<typeof startFleetCloud>[0] = {}) => {
    fleet = await startFleetCloud(options);
    sageMaker = new SageMakerClient({
      endpoint: fleet.endpoints.sagemaker,
      region: fleet.region,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    return { fleet, cloud: fleet.cloud, sageMaker };
  };

  afterEach(async () => {
    sageMaker?.destroy();
    sageMaker = undefined;
    await fleet?.stop();
    fleet = undefined;
  });

  /** Every approval execution, by status. */
  const statuses = (cloud: LocalCloud) => cloud.stepFunctions.executions().map((execution) => execution.status);

  /** Moves the clock a minute at a time until no approval execution runs (at most `limitMinutes`). */
  const runExecutionsToEnd = async (cloud: LocalCloud, limitMinutes = 240): Promise<void> => {
    for (let minute = 0; minute < limitMinutes; minute++) {
      if (!statuses(cloud).includes('RUNNING')) return;
      await cloud.tick(MINUTE_MS);
    }
    throw new Error(`approval executions still running at ${cloud.now().toISOString()}: ${statuses(cloud)}`);
  };

  /** Retrains churn and approves the package it registers in Slack. */
  const retrainAndApprove = async (
    current: FleetCloud,
    ...args: Parameters<typeof retrain> extends [unknown, ...infer R] ? R : never
  ) => {
    await retrain(current, ...args);
    const messages = approvalMessages(current);
    await click(current, messages[messages.length - 1], 'approve');
    await current.cloud.settle();
  };

  const deploymentRecords = async (current: FleetCloud) =>
    (await current.history('MODEL#churn')).filter((record) => record.kind === 'deployment');

  it(
    'creates the endpoint for the first approved package, with Data Capture, and announces Model Deployed',
    async () => {
      // Prepare
      const { fleet, cloud, sageMaker } = await start();
      await retrainAndApprove(fleet);

      // Act
      await runExecutionsToEnd(cloud);

      // Assess
      expect(detailsOf(cloud, 'Model Deployed')).toEqual([
        expect.objectContaining({
          model: 'churn',
          modelPackageArn: PACKAGE_1,
          endpointName: 'churn',
          strategy: 'canary',
        }),
      ]);
      expect(detailsOf(cloud, 'Deployment Failed')).toEqual([]);
      const endpoint = await sageMaker.send(new DescribeEndpointCommand({ EndpointName: 'churn' }));
      expect(endpoint).toMatchObject({ EndpointStatus: 'InService', EndpointConfigName: 'churn-v1' });
      const model = await sageMaker.send(new DescribeModelCommand({ ModelName: 'churn-v1' }));
      expect(model).toMatchObject({ Containers: [{ ModelPackageName: PACKAGE_1 }], ExecutionRoleArn: ROLE });
      const config = await sageMaker.send(new DescribeEndpointConfigCommand({ EndpointConfigName: 'churn-v1' }));
      expect(config).toMatchObject({
        ProductionVariants: [
          { VariantName: 'AllTraffic', ModelName: 'churn-v1', InstanceType: 'ml.m5.large', InitialInstanceCount: 2 },
        ],
        DataCaptureConfig: {
          EnableCapture: true,
          InitialSamplingPercentage: 100,
          DestinationS3Uri: `s3://${fleet.resources.dataBucket}/capture`,
        },
      });
      expect(await deploymentRecords(fleet)).toEqual([
        expect.objectContaining({
          decision: 'deployed',
          modelPackageArn: PACKAGE_1,
          endpointName: 'churn',
          endpointConfigName: 'churn-v1',
          variantName: 'AllTraffic',
          strategy: 'canary',
        }),
      ]);
      expect(statuses(cloud)).toEqual(['SUCCEEDED']);
      expect(cloud.deadLetters()).toEqual([]);
    },
    SCENARIO_MS,
  );
});
