import { DescribeEndpointCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { FleetCloud } from '@fleet/cli/local';
import type { LocalCloud } from '@fleet/local-cloud';
import type { FleetRecord } from '@fleet/shared';
import { approvalMessages, click, detailsOf, retrain } from './support/approval.js';
import { type FleetCli, startFleetCli } from './support/fleetCli.js';
import { churnRows, passDebounceWindow } from './support/loop.js';

// The operators' levers on the local cloud, each run through the CLI over HTTP (DynamoDB for the
// pause switch, Lambda's Invoke API for the rollback): a paused model's landing is skipped as
// paused and the next one after a resume retrains; a rollback after two deployments serves the
// previous package again through the canary path; an approved package of a model whose
// deployments are paused gets a paused deployment record and leaves the endpoint as it is.
// One fleet runs the whole story, in order.

const SCENARIO_MS = 400_000;
const PACKAGE = 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn';

describe('pause, resume and roll back on the local cloud', () => {
  let fleet: FleetCloud;
  let cloud: LocalCloud;
  let sageMaker: SageMakerClient;
  let cli: FleetCli;

  /** Runs `fleet <args>` in this process, with the environment a client of the local cloud gets. */
  const fleetCli = (...args: string[]) => cli.run(...args);

  /** Runs a command that must succeed, and returns what it printed. */
  const ok = async (...args: string[]): Promise<string> => {
    const { code, stdout, stderr } = await fleetCli(...args);
    expect({ args, code, stderr }).toEqual({ args, code: 0, stderr: '' });
    return stdout;
  };

  const running = () => cloud.stepFunctions.executions().some((execution) => execution.status === 'RUNNING');

  /** Moves the clock five minutes at a time until no approval or deployment execution runs. */
  const runExecutionsToEnd = async (): Promise<void> => {
    const deadline = cloud.clock.nowMs() + 10 * 3_600_000;
    while (running()) {
      if (cloud.clock.nowMs() > deadline) throw new Error(`still deploying at ${cloud.now().toISOString()}`);
      await cloud.tick('5m');
    }
  };

  /** Approves the newest approval request in Slack and runs its execution to its end. */
  const approveNewest = async (): Promise<void> => {
    const messages = approvalMessages(fleet);
    await click(fleet, messages[messages.length - 1], 'approve');
    await cloud.settle();
    await runExecutionsToEnd();
  };

  /** Retrains on a new file once the pipeline's cooldown has passed (a run starts, its package waits for approval). */
  const retrainAgain = async (key: string, rows: number): Promise<void> => {
    await cloud.tick('65m');
    await retrain(fleet, key, churnRows(1, rows));
  };

  const triggerDecisions = async (): Promise<FleetRecord[]> =>
    (await fleet.history('PIPELINE#churn-retrain')).filter((record) => record.kind === 'trigger');

  const deploymentRecords = async (): Promise<FleetRecord[]> =>
    (await fleet.history('MODEL#churn')).filter((record) => record.kind === 'deployment');

  const endpoint = () => sageMaker.send(new DescribeEndpointCommand({ EndpointName: 'churn' }));

  beforeAll(async () => {
    cli = await startFleetCli();
    fleet = cli.fleet;
    cloud = fleet.cloud;
    sageMaker = new SageMakerClient({
      endpoint: fleet.endpoints.sagemaker,
      region: fleet.region,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  }, SCENARIO_MS);

  afterAll(async () => {
    sageMaker?.destroy();
    await cli?.stop();
  });

  it(
    'skips a landing as paused while retraining is paused, shows it in the history, and retrains after a resume',
    async () => {
      // Prepare
      const paused = await ok(
        'pause',
        'churn',
        '--retraining',
        '--reason',
        'labels are late',
        '--by',
        'alice',
        '--stage',
        'local',
      );

      // Act
      await cloud.land('raw/churn/2025-06-01.csv', churnRows(1, 4000));
      await passDebounceWindow(fleet);
      await cloud.settle();
      const whilePaused = await triggerDecisions();
      const history = JSON.parse(
        await ok('history', '--model', 'churn', '--stage', 'local', '--json'),
      ) as FleetRecord[];
      await ok('resume', 'churn', '--retraining', '--by', 'alice', '--stage', 'local');
      await retrain(fleet);

      // Assess
      expect(paused).toMatch(/^churn: retraining paused, deployment running \(by alice at \S+: labels are late\)/);
      expect(cloud.executions()).toHaveLength(1);
      expect(whilePaused).toEqual([
        expect.objectContaining({
          decision: 'skipped',
          skipReason: 'paused',
          skipDetails: expect.objectContaining({
            pausedModel: 'churn',
            pausedBy: 'alice',
            pauseReason: 'labels are late',
          }),
        }),
      ]);
      expect(history.map((record) => [record.kind, record.decision, record.skipReason])).toEqual([
        ['pause', 'paused', undefined],
        ['validation', undefined, undefined],
        ['trigger', 'skipped', 'paused'],
      ]);
      expect((await triggerDecisions()).map((record) => record.decision)).toContain('started');
      expect((await fleet.history('MODEL#churn')).filter((r) => r.kind === 'pause').map((r) => r.decision)).toEqual([
        'paused',
        'resumed',
      ]);
    },
    SCENARIO_MS,
  );

  it(
    'rolls back to the previous package after two deployments, through the canary path, recorded as a rollback',
    async () => {
      // Prepare: churn/1 deploys (CreateEndpoint), then churn/2 by canary.
      await approveNewest();
      await retrainAgain('raw/churn/2025-06-02-late.csv', 6000);
      await approveNewest();
      const beforeRollback = await endpoint();
      const refusedNothing = await fleetCli('rollback', 'churn', '--to', '7', '--stage', 'local');

      // Act
      const printed = JSON.parse(
        await ok(
          'rollback',
          'churn',
          '--reason',
          'v2 mislabels new customers',
          '--by',
          'alice',
          '--stage',
          'local',
          '--json',
        ),
      ) as { executionArn: string; modelPackageArn: string; previousModelPackageArn: string; correlationId: string };
      await cloud.tick('5m');
      const duringCanary = await endpoint();
      await runExecutionsToEnd();

      // Assess
      expect(beforeRollback).toMatchObject({ EndpointStatus: 'InService', EndpointConfigName: 'churn-v2' });
      expect(refusedNothing.code).toBe(1);
      expect(refusedNothing.stderr).toContain(
        'NothingToRollBackError: model "churn" has nothing to roll back to: version 7 never served',
      );
      expect(printed).toMatchObject({ modelPackageArn: `${PACKAGE}/1`, previousModelPackageArn: `${PACKAGE}/2` });
      expect(duringCanary).toMatchObject({
        EndpointStatus: 'Updating',
        PendingDeploymentSummary: { EndpointConfigName: 'churn-v1' },
      });
      const served = await endpoint();
      expect(served).toMatchObject({ EndpointStatus: 'InService', EndpointConfigName: 'churn-v1' });
      expect(served.LastDeploymentConfig?.BlueGreenUpdatePolicy?.TrafficRoutingConfiguration?.Type).toBe('CANARY');
      expect(cloud.stepFunctions.executions().find((e) => e.executionArn === printed.executionArn)?.status).toBe(
        'SUCCEEDED',
      );
      expect((await deploymentRecords()).map((r) => [r.modelPackageArn, r.decision, r.trigger])).toEqual([
        [`${PACKAGE}/1`, 'deployed', undefined],
        [`${PACKAGE}/2`, 'deployed', undefined],
        [`${PACKAGE}/1`, 'deployed', 'rollback'],
      ]);
      expect((await deploymentRecords())[2]).toMatchObject({
        requestedBy: 'alice',
        reason: 'v2 mislabels new customers',
        previousModelPackageArn: `${PACKAGE}/2`,
        correlationId: printed.correlationId,
      });
      expect(detailsOf(cloud, 'Model Deployed').map((detail) => detail.modelPackageArn)).toEqual([
        `${PACKAGE}/1`,
        `${PACKAGE}/2`,
        `${PACKAGE}/1`,
      ]);
      expect(cloud.deadLetters()).toEqual([]);
    },
    SCENARIO_MS,
  );

  it(
    'records an approved package as paused and leaves the endpoint as it is while deployments are paused',
    async () => {
      // Prepare
      await ok('pause', 'churn', '--deployment', '--reason', 'holiday freeze', '--by', 'alice', '--stage', 'local');
      await retrainAgain('raw/churn/2025-06-03.csv', 5000);

      // Act
      await approveNewest();
      const refusedRollback = await fleetCli('rollback', 'churn', '--stage', 'local');

      // Assess
      expect(await endpoint()).toMatchObject({ EndpointStatus: 'InService', EndpointConfigName: 'churn-v1' });
      expect((await deploymentRecords()).at(-1)).toMatchObject({
        decision: 'paused',
        modelPackageArn: `${PACKAGE}/3`,
        pausedBy: 'alice',
        reason: 'holiday freeze',
      });
      expect(detailsOf(cloud, 'Model Deployed')).toHaveLength(3);
      expect(detailsOf(cloud, 'Deployment Failed')).toEqual([]);
      expect(cloud.stepFunctions.executions().find((execution) => execution.name === 'churn-v3-a1')?.status).toBe(
        'SUCCEEDED',
      );
      expect(refusedRollback.code).toBe(1);
      expect(refusedRollback.stderr).toContain('DeploymentsPausedError');
      expect(cloud.deadLetters()).toEqual([]);
    },
    SCENARIO_MS,
  );
});
