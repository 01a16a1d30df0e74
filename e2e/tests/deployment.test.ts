import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  CreateModelPackageCommand,
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeModelCommand,
  SageMakerClient,
  UpdateEndpointCommand,
} from '@aws-sdk/client-sagemaker';
import { type FleetCloud, startFleetCloud } from '@fleet/cli/local';
import type { LocalCloud } from '@fleet/local-cloud';
import { resetDependencies } from '@fleet/shared';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { approvalMessages, click, detailsOf, retrain } from './support/approval.js';
import { churnRows } from './support/loop.js';

// The deployment of an approved model on the local cloud: the approval state machine continues
// past Approved into the deployment branch (the endpoint's lease, a model and an endpoint
// configuration per package version, CreateEndpoint or a blue/green UpdateEndpoint with
// auto-rollback alarms, a DescribeEndpoint loop), on the local clock. SageMaker hosting and the
// CloudWatch alarms are the local cloud's stand-ins; the approvals are clicked in Slack.

const SCENARIO_MS = 240_000;
const repoRoot = path.join(__dirname, '..', '..');
const PACKAGE_1 = 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/1';
const PACKAGE_2 = 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/2';
const ALARM_5XX = 'fleet-local-churn-AllTraffic-Invocation5XXErrors';
const ALARM_LATENCY = 'fleet-local-churn-AllTraffic-ModelLatencyP99';
const ROLE = 'arn:aws:iam::123456789012:role/fleet-sagemaker-execution';

type Deployment = Record<string, unknown>;

/**
 * A copy of fleet.config.yaml whose churn deployment section has `changes`, in a folder of its
 * own next to a link to the contracts the configuration names.
 */
const configWithDeployment = (changes: Deployment): { file: string; remove: () => void } => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fleet-deployment-'));
  const config = parseYaml(readFileSync(path.join(repoRoot, 'fleet.config.yaml'), 'utf8'));
  config.models.churn.deployment = { ...config.models.churn.deployment, ...changes };
  symlinkSync(path.join(repoRoot, 'contracts'), path.join(dir, 'contracts'));
  const file = path.join(dir, 'fleet.config.yaml');
  writeFileSync(file, stringifyYaml(config));
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
};

describe('the deployment of an approved model on the local cloud', () => {
  let fleet: FleetCloud | undefined;
  let sageMaker: SageMakerClient | undefined;
  const cleanups: (() => void)[] = [];

  const start = async (deployment?: Deployment) => {
    const options: Parameters<typeof startFleetCloud>[0] = {};
    if (deployment !== undefined) {
      const config = configWithDeployment(deployment);
      cleanups.push(config.remove);
      options.configFile = config.file;
    }
    // The functions run in this process: their cached dependencies must read this configuration.
    resetDependencies();
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
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  /** The approval execution of a package version, by its deterministic name. */
  const executionOf = (cloud: LocalCloud, version: number) =>
    cloud.stepFunctions.executions().find((execution) => execution.name === `churn-v${version}-a1`);

  /** Moves the clock five minutes at a time until `done` holds (at most `limitHours`). */
  const tickUntil = async (cloud: LocalCloud, done: () => boolean, limitHours = 10): Promise<void> => {
    const deadline = cloud.clock.nowMs() + limitHours * 3_600_000;
    while (!done()) {
      if (cloud.clock.nowMs() > deadline) throw new Error(`still waiting at ${cloud.now().toISOString()}`);
      await cloud.tick('5m');
    }
  };

  /** Moves the clock until the approval executions of these versions have ended. */
  const runToEnd = (cloud: LocalCloud, ...versions: number[]) =>
    tickUntil(cloud, () => versions.every((version) => executionOf(cloud, version)?.status !== 'RUNNING'));

  /** Approves the newest approval request in Slack and lets the click settle. */
  const approveNewest = async (current: FleetCloud): Promise<void> => {
    const messages = approvalMessages(current);
    await click(current, messages[messages.length - 1], 'approve');
    await current.cloud.settle();
  };

  /**
   * An endpoint `churn` in service on a configuration the fleet did not make (`churn-initial`),
   * as a model deployed before: the approved package then deploys as an update.
   */
  const serveInitialModel = async (client: SageMakerClient, cloud: LocalCloud, instances = 2): Promise<void> => {
    await client.send(
      new CreateModelCommand({
        ModelName: 'churn-initial',
        Containers: [{ ModelPackageName: PACKAGE_1 }],
        ExecutionRoleArn: ROLE,
      }),
    );
    await client.send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: 'churn-initial',
        ProductionVariants: [
          {
            VariantName: 'AllTraffic',
            ModelName: 'churn-initial',
            InstanceType: 'ml.m5.large',
            InitialInstanceCount: instances,
          },
        ],
      }),
    );
    await client.send(new CreateEndpointCommand({ EndpointName: 'churn', EndpointConfigName: 'churn-initial' }));
    await cloud.tick('6m');
  };

  const describeChurn = (client: SageMakerClient) =>
    client.send(new DescribeEndpointCommand({ EndpointName: 'churn' }));

  const deploymentRecords = async (current: FleetCloud) =>
    (await current.history('MODEL#churn')).filter((record) => record.kind === 'deployment');

  /** What a deployment task returned, in order, for one function (`deployStart`, ...). */
  const taskResults = (cloud: LocalCloud, functionName: string) =>
    cloud
      .invocations()
      .filter((invocation) => invocation.functionName === functionName && invocation.outcome === 'success')
      .map((invocation) => invocation.result as Record<string, unknown>);

  it(
    'creates the endpoint for the first approved package, with Data Capture, and announces Model Deployed',
    async () => {
      // Prepare
      const { fleet, cloud, sageMaker } = await start();
      await retrain(fleet);
      await approveNewest(fleet);

      // Act
      await runToEnd(cloud, 1);

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
      expect(taskResults(cloud, 'deployStart')).toEqual([{ action: 'created', endpointName: 'churn' }]);
      expect(await describeChurn(sageMaker)).toMatchObject({
        EndpointStatus: 'InService',
        EndpointConfigName: 'churn-v1',
      });
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
      expect(executionOf(cloud, 1)?.status).toBe('SUCCEEDED');
      expect(cloud.deadLetters()).toEqual([]);
    },
    SCENARIO_MS,
  );

  it(
    'updates the endpoint by canary with auto-rollback on the stack alarms, and announces only when the new configuration serves',
    async () => {
      // Prepare
      const { fleet, cloud, sageMaker } = await start();
      await retrain(fleet);
      await serveInitialModel(sageMaker, cloud);
      await approveNewest(fleet);

      // Act
      await cloud.tick('10m');
      const duringCanary = await describeChurn(sageMaker);
      const announcedDuringCanary = detailsOf(cloud, 'Model Deployed').length;
      await runToEnd(cloud, 1);

      // Assess
      expect(duringCanary).toMatchObject({
        EndpointStatus: 'Updating',
        EndpointConfigName: 'churn-initial',
        PendingDeploymentSummary: { EndpointConfigName: 'churn-v1' },
      });
      expect(announcedDuringCanary).toBe(0);
      expect(taskResults(cloud, 'deployStart')).toEqual([{ action: 'updated', endpointName: 'churn' }]);
      const done = await describeChurn(sageMaker);
      expect(done).toMatchObject({ EndpointStatus: 'InService', EndpointConfigName: 'churn-v1' });
      expect(done.LastDeploymentConfig).toEqual({
        BlueGreenUpdatePolicy: {
          TrafficRoutingConfiguration: {
            Type: 'CANARY',
            CanarySize: { Type: 'CAPACITY_PERCENT', Value: 10 },
            WaitIntervalInSeconds: 600,
          },
          TerminationWaitInSeconds: 600,
          MaximumExecutionTimeoutInSeconds: 3600,
        },
        AutoRollbackConfiguration: { Alarms: [{ AlarmName: ALARM_5XX }, { AlarmName: ALARM_LATENCY }] },
      });
      expect(cloud.cloudWatch.alarms().find((alarm) => alarm.alarmName === ALARM_5XX)?.definition).toMatchObject({
        MetricName: 'Invocation5XXErrors',
        TreatMissingData: 'notBreaching',
      });
      expect(detailsOf(cloud, 'Model Deployed')).toEqual([
        expect.objectContaining({ modelPackageArn: PACKAGE_1, strategy: 'canary' }),
      ]);
      expect(detailsOf(cloud, 'Deployment Failed')).toEqual([]);
      expect(cloud.deadLetters()).toEqual([]);
    },
    SCENARIO_MS,
  );

  it(
    'updates the endpoint in linear steps when the model says so',
    async () => {
      // Prepare
      const { fleet, cloud, sageMaker } = await start({ strategy: 'linear', linearStepPercent: 50 });
      await retrain(fleet);
      await serveInitialModel(sageMaker, cloud);
      await approveNewest(fleet);

      // Act
      await runToEnd(cloud, 1);

      // Assess
      const done = await describeChurn(sageMaker);
      expect(done).toMatchObject({ EndpointStatus: 'InService', EndpointConfigName: 'churn-v1' });
      expect(done.LastDeploymentConfig?.BlueGreenUpdatePolicy?.TrafficRoutingConfiguration).toEqual({
        Type: 'LINEAR',
        LinearStepSize: { Type: 'CAPACITY_PERCENT', Value: 50 },
        WaitIntervalInSeconds: 600,
      });
      expect(detailsOf(cloud, 'Model Deployed')).toEqual([
        expect.objectContaining({ modelPackageArn: PACKAGE_1, strategy: 'linear' }),
      ]);
      expect(cloud.deadLetters()).toEqual([]);
    },
    SCENARIO_MS,
  );

  it.each([
    ['the canary', '5m'],
    ['the final baking', '20m'],
  ])(
    'reports a rollback on an alarm during %s as Deployment Failed, never Model Deployed, and rejects the package',
    async (_, after) => {
      // Prepare
      const { fleet, cloud, sageMaker } = await start();
      await retrain(fleet);
      await serveInitialModel(sageMaker, cloud);
      await approveNewest(fleet);
      await cloud.tick(after);

      // Act
      cloud.cloudWatch.setAlarmState(ALARM_5XX, 'ALARM', 'Threshold Crossed: 3 server errors');
      await runToEnd(cloud, 1);

      // Assess: SageMaker ended InService, on the old configuration.
      expect(await describeChurn(sageMaker)).toMatchObject({
        EndpointStatus: 'InService',
        EndpointConfigName: 'churn-initial',
      });
      expect(detailsOf(cloud, 'Model Deployed')).toEqual([]);
      expect(detailsOf(cloud, 'Deployment Failed')).toEqual([
        expect.objectContaining({
          modelPackageArn: PACKAGE_1,
          endpointName: 'churn',
          severity: 'error',
          failure: {
            code: 'rolled_back',
            message: expect.stringContaining(`CloudWatch alarms were in ALARM state: [${ALARM_5XX}]`),
          },
        }),
      ]);
      expect(cloud.sageMaker.registry.package(PACKAGE_1)).toMatchObject({
        modelApprovalStatus: 'Rejected',
        approvalDescription: expect.stringMatching(/^rolled back: /),
      });
      expect(await deploymentRecords(fleet)).toEqual([
        expect.objectContaining({
          decision: 'rolled_back',
          modelPackageArn: PACKAGE_1,
          endpointConfigName: 'churn-v1',
        }),
      ]);
      expect(executionOf(cloud, 1)?.status).toBe('FAILED');
      expect(cloud.deadLetters()).toEqual([]);
    },
    SCENARIO_MS,
  );

  it(
    'reports UpdateRollbackFailed as a critical Deployment Failed',
    async () => {
      // Prepare
      const { fleet, cloud, sageMaker } = await start();
      await retrain(fleet);
      await serveInitialModel(sageMaker, cloud);
      await approveNewest(fleet);
      await cloud.tick('5m');
      cloud.sageMaker.hosting.failNextRollback('churn', 'Rollback failed: could not restore 1 instance(s).');

      // Act
      cloud.cloudWatch.setAlarmState(ALARM_LATENCY, 'ALARM', 'p99 above 1 s');
      await runToEnd(cloud, 1);

      // Assess
      expect((await describeChurn(sageMaker)).EndpointStatus).toBe('UpdateRollbackFailed');
      expect(detailsOf(cloud, 'Model Deployed')).toEqual([]);
      expect(detailsOf(cloud, 'Deployment Failed')).toEqual([
        expect.objectContaining({
          severity: 'critical',
          failure: {
            code: 'update_rollback_failed',
            message: expect.stringContaining('Rollback failed: could not restore 1 instance(s).'),
          },
        }),
      ]);
      expect((await deploymentRecords(fleet)).map((record) => record.decision)).toEqual(['update_rollback_failed']);
      expect(cloud.deadLetters()).toEqual([]);
    },
    SCENARIO_MS,
  );

  it(
    'deploys one approval at a time on an endpoint: a second approval waits, then its newer package serves',
    async () => {
      // Prepare: linear steps of 20 % of five instances, an hour apart: an update of about five hours.
      const { fleet, cloud, sageMaker } = await start({
        instanceCount: 5,
        strategy: 'linear',
        linearStepPercent: 20,
        waitIntervalSeconds: 3600,
        terminationWaitSeconds: 3600,
        maximumExecutionTimeoutSeconds: 28800,
      });
      await retrain(fleet);
      await serveInitialModel(sageMaker, cloud, 5);
      await approveNewest(fleet);
      await cloud.tick('2h');

      // Act: a second package is registered and approved while the first deploys.
      await retrain(fleet, 'raw/churn/2025-06-02-late.csv', churnRows(1, 7000));
      await approveNewest(fleet);
      await cloud.tick('10m');
      const whileFirstDeploys = {
        first: executionOf(cloud, 1)?.status,
        second: executionOf(cloud, 2)?.status,
        endpoint: (await describeChurn(sageMaker)).PendingDeploymentSummary?.EndpointConfigName,
        secondModel: await sageMaker
          .send(new DescribeModelCommand({ ModelName: 'churn-v2' }))
          .then(() => 'created')
          .catch((error: Error) => error.name),
      };
      await runToEnd(cloud, 1, 2);

      // Assess
      expect(whileFirstDeploys).toEqual({
        first: 'RUNNING',
        second: 'RUNNING',
        endpoint: 'churn-v1',
        secondModel: 'ValidationException',
      });
      expect(taskResults(cloud, 'deployAcquire').some((result) => result.outcome === 'held')).toBe(true);
      expect(detailsOf(cloud, 'Model Deployed').map((detail) => detail.modelPackageArn)).toEqual([
        PACKAGE_1,
        PACKAGE_2,
      ]);
      expect(detailsOf(cloud, 'Deployment Failed')).toEqual([]);
      expect(await describeChurn(sageMaker)).toMatchObject({
        EndpointStatus: 'InService',
        EndpointConfigName: 'churn-v2',
      });
      const records = await deploymentRecords(fleet);
      expect(records.map((record) => [record.modelPackageArn, record.decision])).toEqual([
        [PACKAGE_1, 'deployed'],
        [PACKAGE_2, 'deployed'],
      ]);
      expect(cloud.deadLetters()).toEqual([]);
    },
    SCENARIO_MS,
  );

  it(
    'ends a waiting deployment as superseded when a newer package was approved meanwhile, and leaves the endpoint alone',
    async () => {
      // Prepare: the first package deploys for about five hours; the second is approved and waits.
      const { fleet, cloud, sageMaker } = await start({
        instanceCount: 5,
        strategy: 'linear',
        linearStepPercent: 20,
        waitIntervalSeconds: 3600,
        terminationWaitSeconds: 3600,
        maximumExecutionTimeoutSeconds: 28800,
      });
      await retrain(fleet);
      await serveInitialModel(sageMaker, cloud, 5);
      await approveNewest(fleet);
      await cloud.tick('2h');
      await retrain(fleet, 'raw/churn/2025-06-02-late.csv', churnRows(1, 7000));
      await approveNewest(fleet);

      // Act: an operator approves a third package in the registry while both wait.
      const { ModelPackageArn: third } = await sageMaker.send(
        new CreateModelPackageCommand({ ModelPackageGroupName: 'churn', ModelApprovalStatus: 'Approved' }),
      );
      await runToEnd(cloud, 1, 2);

      // Assess
      expect(detailsOf(cloud, 'Model Deployed').map((detail) => detail.modelPackageArn)).toEqual([PACKAGE_1]);
      expect(detailsOf(cloud, 'Deployment Failed')).toEqual([
        expect.objectContaining({
          modelPackageArn: PACKAGE_2,
          severity: 'info',
          failure: { code: 'superseded', message: expect.stringContaining(String(third)) },
        }),
      ]);
      expect(executionOf(cloud, 2)?.status).toBe('SUCCEEDED');
      expect(await describeChurn(sageMaker)).toMatchObject({
        EndpointStatus: 'InService',
        EndpointConfigName: 'churn-v1',
      });
      await expect(sageMaker.send(new DescribeModelCommand({ ModelName: 'churn-v2' }))).rejects.toMatchObject({
        name: 'ValidationException',
      });
      expect((await deploymentRecords(fleet)).map((record) => [record.modelPackageArn, record.decision])).toEqual([
        [PACKAGE_1, 'deployed'],
        [PACKAGE_2, 'superseded'],
      ]);
      expect(cloud.deadLetters()).toEqual([]);
    },
    SCENARIO_MS,
  );

  it(
    'fails the deployment with SageMaker words when it refuses a request, and releases the endpoint',
    async () => {
      // Prepare: a role name SageMaker's pattern refuses (the fleet's own check lets it through).
      const { fleet, cloud } = await start({ executionRoleArn: 'arn:aws:iam::123456789012:role/fleet sagemaker' });
      await retrain(fleet);

      // Act
      await approveNewest(fleet);
      await runToEnd(cloud, 1);

      // Assess
      expect(detailsOf(cloud, 'Model Deployed')).toEqual([]);
      expect(detailsOf(cloud, 'Deployment Failed')).toEqual([
        expect.objectContaining({
          modelPackageArn: PACKAGE_1,
          severity: 'warning',
          failure: {
            code: 'validation',
            message: expect.stringMatching(
              /^DeploymentValidationError: ValidationException: .*'executionRoleArn' failed/,
            ),
          },
        }),
      ]);
      expect((await deploymentRecords(fleet)).map((record) => record.decision)).toEqual(['validation']);
      expect(await fleet.history('LOCK#ENDPOINT#churn')).toEqual([expect.objectContaining({ state: 'released' })]);
      expect(executionOf(cloud, 1)?.status).toBe('FAILED');
      expect(cloud.deadLetters()).toEqual([]);
    },
    SCENARIO_MS,
  );

  it(
    'reports a first deployment whose instances fail to launch as failed',
    async () => {
      // Prepare
      const { fleet, cloud, sageMaker } = await start();
      await retrain(fleet);
      await approveNewest(fleet);
      cloud.sageMaker.hosting.failNextDeployment('churn');

      // Act
      await runToEnd(cloud, 1);

      // Assess
      expect((await describeChurn(sageMaker)).EndpointStatus).toBe('Failed');
      expect(detailsOf(cloud, 'Model Deployed')).toEqual([]);
      expect(detailsOf(cloud, 'Deployment Failed')).toEqual([
        expect.objectContaining({
          severity: 'error',
          failure: { code: 'failed', message: expect.stringContaining('Failed to launch instances') },
        }),
      ]);
      expect(cloud.deadLetters()).toEqual([]);
    },
    SCENARIO_MS,
  );

  it(
    'finds the model, the configuration and the update a crashed run left, and creates none of them again',
    async () => {
      // Prepare: what a run that crashed after UpdateEndpoint left behind.
      const { fleet, cloud, sageMaker } = await start();
      await retrain(fleet);
      await serveInitialModel(sageMaker, cloud);
      await sageMaker.send(
        new CreateModelCommand({
          ModelName: 'churn-v1',
          Containers: [{ ModelPackageName: PACKAGE_1 }],
          ExecutionRoleArn: ROLE,
        }),
      );
      await sageMaker.send(
        new CreateEndpointConfigCommand({
          EndpointConfigName: 'churn-v1',
          ProductionVariants: [
            { VariantName: 'AllTraffic', ModelName: 'churn-v1', InstanceType: 'ml.m5.large', InitialInstanceCount: 2 },
          ],
        }),
      );
      await sageMaker.send(new UpdateEndpointCommand({ EndpointName: 'churn', EndpointConfigName: 'churn-v1' }));

      // Act
      await approveNewest(fleet);
      await runToEnd(cloud, 1);

      // Assess
      expect(taskResults(cloud, 'deployCreateModel')).toEqual([{ modelName: 'churn-v1', created: false }]);
      expect(taskResults(cloud, 'deployCreateEndpointConfig')).toEqual([
        { endpointConfigName: 'churn-v1', created: false },
      ]);
      expect(taskResults(cloud, 'deployStart')).toEqual([{ action: 'resumed', endpointName: 'churn' }]);
      expect(detailsOf(cloud, 'Model Deployed')).toEqual([expect.objectContaining({ modelPackageArn: PACKAGE_1 })]);
      expect(await describeChurn(sageMaker)).toMatchObject({
        EndpointStatus: 'InService',
        EndpointConfigName: 'churn-v1',
      });
      expect(cloud.deadLetters()).toEqual([]);
    },
    SCENARIO_MS,
  );
});
