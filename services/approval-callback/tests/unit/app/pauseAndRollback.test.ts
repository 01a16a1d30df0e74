import { writePauseChange } from '@fleet/shared';
import { acquireEndpoint } from '../../../src/app/deploy/acquireEndpoint.js';
import type { DeploymentRecord } from '../../../src/app/deploy/DeploymentRecord.js';
import type { DeploymentTaskInput } from '../../../src/app/deploy/DeploymentState.js';
import { finishDeployment } from '../../../src/app/deploy/finishDeployment.js';
import { rollback } from '../../../src/app/deploy/rollback.js';
import {
  DeploymentInProgressError,
  DeploymentsPausedError,
  NothingToRollBackError,
  UnknownDeploymentModelError,
} from '../../../src/domain/deployment/errors.js';
import { ROLLBACK_ID_PATTERN } from '../../../src/domain/deployment/rollbackId.js';
import { ApprovalExecutionInputSchema } from '../../../src/events/ApprovalExecutionInput.js';
import { approvedInput, deployConfig, deployPorts } from '../../support/deployFakes.js';
import { FakeWorkflow, packageArn } from '../../support/fakes.js';

type Fakes = ReturnType<typeof deployPorts>;

const pauseDeployments = (fakes: Fakes, action: 'pause' | 'resume' = 'pause') =>
  writePauseChange(fakes.records, {
    model: 'churn',
    action,
    deployment: true,
    by: 'alice',
    reason: action === 'pause' ? 'holiday freeze' : undefined,
    now: new Date(action === 'pause' ? '2026-03-02T09:00:00.000Z' : '2026-03-02T10:00:00.000Z'),
    changeId: `${action}-1`,
  });

/** A deployment record of churn's package `version`, as finishDeployment writes it. */
const served = (
  version: number,
  at: string,
  decision: DeploymentRecord['decision'] = 'deployed',
): DeploymentRecord => ({
  deploymentId: `appr${version}-${at}`,
  at,
  finishedAt: at,
  correlationId: `corr-${version}`,
  model: 'churn',
  decision,
  modelPackageArn: packageArn('churn', version),
  modelPackageVersion: version,
  approvalId: `appr${version}`,
  endpointName: 'churn',
  endpointConfigName: `churn-v${version}`,
  variantName: 'AllTraffic',
  strategy: 'canary',
});

const rollbackPorts = (fakes: Fakes) => {
  const workflow = new FakeWorkflow();
  return { workflow, ports: { store: fakes.store, clock: fakes.clock, workflow } };
};

const deploymentRecords = async (fakes: Fakes) =>
  (await fakes.records.history('MODEL#churn')).filter((r) => r.kind === 'deployment');

describe('acquireEndpoint while deployments are paused', () => {
  it('records a paused deployment saying who paused it and why, and takes no lease', async () => {
    // Prepare
    const fakes = deployPorts();
    await pauseDeployments(fakes);

    // Act
    const acquired = await acquireEndpoint(approvedInput(3), deployConfig(), fakes.ports);

    // Assess
    expect(acquired).toMatchObject({
      outcome: 'paused',
      pausedBy: 'alice',
      reason: 'deployments of churn paused by alice at 2026-03-02T09:00:00.000Z: holiday freeze',
    });
    expect(await fakes.store.leases.get(fakes.store.lockKey('churn'))).toBeUndefined();
    expect(fakes.hosting.calls).toEqual([]);
    expect(await deploymentRecords(fakes)).toEqual([
      expect.objectContaining({
        sk: '2026-03-02T12:00:00.000Z#deployment#appr3',
        decision: 'paused',
        modelPackageArn: packageArn('churn', 3),
        pausedBy: 'alice',
        pausedAt: '2026-03-02T09:00:00.000Z',
        reason: 'holiday freeze',
        correlationId: 'corr-3',
      }),
    ]);
  });

  it('deploys again once deployments are resumed, and is not stopped by a retraining-only pause', async () => {
    // Prepare
    const fakes = deployPorts();
    await pauseDeployments(fakes);
    await pauseDeployments(fakes, 'resume');
    await writePauseChange(fakes.records, {
      model: 'churn',
      action: 'pause',
      retraining: true,
      by: 'bob',
      now: new Date('2026-03-02T11:00:00.000Z'),
      changeId: 'pause-2',
    });

    // Act
    const acquired = await acquireEndpoint(approvedInput(3), deployConfig(), fakes.ports);

    // Assess
    expect(acquired.outcome).toBe('acquired');
  });
});

describe('rollback', () => {
  it('starts the approval state machine in rollback mode with the previous champion', async () => {
    // Prepare
    const fakes = deployPorts();
    await fakes.store.putDeployment(served(1, '2026-03-01T08:00:00.000Z'));
    await fakes.store.putDeployment(served(2, '2026-03-01T09:00:00.000Z', 'rolled_back'));
    await fakes.store.putDeployment(served(3, '2026-03-02T08:00:00.000Z'));
    const { workflow, ports } = rollbackPorts(fakes);

    // Act
    const started = await rollback(
      { model: 'churn', requestedBy: 'alice', reason: 'v3 mislabels churners', requestId: 'req-1' },
      deployConfig(),
      ports,
    );

    // Assess
    expect(started).toEqual({
      executionArn: expect.stringContaining(':execution:fleet-test-approval:churn-v1-rb-'),
      modelPackageArn: packageArn('churn', 1),
      previousModelPackageArn: packageArn('churn', 3),
      rollbackId: expect.stringMatching(ROLLBACK_ID_PATTERN),
      correlationId: started.rollbackId,
    });
    expect(workflow.starts).toHaveLength(1);
    const input = workflow.starts[0]?.input;
    expect(input).toEqual({
      model: 'churn',
      modelPackageGroup: 'churn',
      modelPackageArn: packageArn('churn', 1),
      modelPackageVersion: 1,
      attempt: 1,
      approvalId: started.rollbackId,
      correlationId: started.rollbackId,
      mode: 'rollback',
      rollback: {
        requestedBy: 'alice',
        reason: 'v3 mislabels churners',
        previousModelPackageArn: packageArn('churn', 3),
        requestedAt: '2026-03-02T12:00:00.000Z',
      },
    });
    expect(ApprovalExecutionInputSchema.safeParse(input).success).toBe(true);
  });

  it('goes back to the version asked for, when it served before', async () => {
    // Prepare
    const fakes = deployPorts();
    await fakes.store.putDeployment(served(1, '2026-03-01T08:00:00.000Z'));
    await fakes.store.putDeployment(served(2, '2026-03-01T09:00:00.000Z'));
    await fakes.store.putDeployment(served(3, '2026-03-02T08:00:00.000Z'));
    const { ports } = rollbackPorts(fakes);

    // Act
    const started = await rollback(
      { model: 'churn', requestedBy: 'alice', toVersion: 1, requestId: 'req-1' },
      deployConfig(),
      ports,
    );

    // Assess
    expect(started).toMatchObject({
      modelPackageArn: packageArn('churn', 1),
      previousModelPackageArn: packageArn('churn', 3),
    });
  });

  it.each([
    ['nothing ever served', [], undefined, 'no deployment of it has ever served'],
    ['only one package served', [served(3, '2026-03-02T08:00:00.000Z')], undefined, 'there is no previous champion'],
    [
      'the version asked for never served',
      [served(1, '2026-03-01T08:00:00.000Z'), served(3, '2026-03-02T08:00:00.000Z')],
      2,
      'version 2 never served (versions that served: 3, 1)',
    ],
    [
      'the version asked for is serving',
      [served(1, '2026-03-01T08:00:00.000Z'), served(3, '2026-03-02T08:00:00.000Z')],
      3,
      'version 3 is the one serving now',
    ],
  ])('refuses when %s, naming the model and why', async (_case, records, toVersion, why) => {
    // Prepare
    const fakes = deployPorts();
    for (const record of records) await fakes.store.putDeployment(record);
    const { workflow, ports } = rollbackPorts(fakes);

    // Act
    const started = rollback(
      { model: 'churn', requestedBy: 'alice', toVersion, requestId: 'r' },
      deployConfig(),
      ports,
    );

    // Assess
    await expect(started).rejects.toThrow(NothingToRollBackError);
    await expect(started).rejects.toThrow('model "churn" has nothing to roll back to: ');
    await expect(started).rejects.toThrow(why);
    expect(workflow.starts).toEqual([]);
  });

  it('refuses while a deployment holds the endpoint, and once it ended starts', async () => {
    // Prepare
    const fakes = deployPorts();
    await fakes.store.putDeployment(served(1, '2026-03-01T08:00:00.000Z'));
    await fakes.store.putDeployment(served(3, '2026-03-02T08:00:00.000Z'));
    const deploying = { ...approvedInput(4) };
    const acquired = await acquireEndpoint(deploying, deployConfig(), fakes.ports);
    const { workflow, ports } = rollbackPorts(fakes);

    // Act
    const whileDeploying = rollback({ model: 'churn', requestedBy: 'alice', requestId: 'r1' }, deployConfig(), ports);
    await whileDeploying.catch(() => undefined);
    await finishDeployment(
      { ...deploying, deployment: acquired, endpoint: { outcome: 'failed', message: 'boom' } },
      deployConfig(),
      fakes.ports,
    );
    const after = await rollback({ model: 'churn', requestedBy: 'alice', requestId: 'r2' }, deployConfig(), ports);

    // Assess
    await expect(whileDeploying).rejects.toThrow(DeploymentInProgressError);
    await expect(whileDeploying).rejects.toThrow('deployment appr4 holds endpoint churn until');
    expect(after.modelPackageArn).toBe(packageArn('churn', 1));
    expect(workflow.starts).toHaveLength(1);
  });

  it('refuses while deployments are paused, saying who paused them', async () => {
    // Prepare
    const fakes = deployPorts();
    await fakes.store.putDeployment(served(1, '2026-03-01T08:00:00.000Z'));
    await fakes.store.putDeployment(served(3, '2026-03-02T08:00:00.000Z'));
    await pauseDeployments(fakes);
    const { ports } = rollbackPorts(fakes);

    // Act
    const started = rollback({ model: 'churn', requestedBy: 'alice', requestId: 'r' }, deployConfig(), ports);

    // Assess
    await expect(started).rejects.toThrow(DeploymentsPausedError);
    await expect(started).rejects.toThrow('paused by alice at 2026-03-02T09:00:00.000Z (holiday freeze)');
  });

  it('refuses a model the fleet does not deploy', async () => {
    // Prepare
    const fakes = deployPorts();
    const { ports } = rollbackPorts(fakes);

    // Act
    const started = rollback({ model: 'fraud', requestedBy: 'alice', requestId: 'r' }, deployConfig(), ports);

    // Assess
    await expect(started).rejects.toThrow(UnknownDeploymentModelError);
  });
});

describe("a rollback's deployment", () => {
  const rollbackInput = (): DeploymentTaskInput => ({
    ...approvedInput(1, 'rb-0123456789abcdef0123'),
    correlationId: 'rb-0123456789abcdef0123',
    mode: 'rollback',
    rollback: {
      requestedBy: 'alice',
      reason: 'v3 mislabels churners',
      previousModelPackageArn: packageArn('churn', 3),
      requestedAt: '2026-03-02T11:59:00.000Z',
    },
  });

  it('takes the endpoint for an older package than the newest approved one', async () => {
    // Prepare
    const fakes = deployPorts();
    fakes.registry.packages.set(packageArn('churn', 3), {
      modelPackageArn: packageArn('churn', 3),
      modelPackageGroup: 'churn',
      version: 3,
      status: 'Approved',
    } as never);

    // Act
    const acquired = await acquireEndpoint(rollbackInput(), deployConfig(), fakes.ports);

    // Assess
    expect(acquired).toMatchObject({
      outcome: 'acquired',
      deploymentId: 'rb-0123456789abcdef0123',
      modelName: 'churn-v1',
    });
    expect(fakes.registry.listed).toEqual([]);
  });

  it('records trigger rollback, who asked, why and the package it replaced', async () => {
    // Prepare
    const fakes = deployPorts();
    const input = rollbackInput();
    const deployment = await acquireEndpoint(input, deployConfig(), fakes.ports);

    // Act
    await finishDeployment({ ...input, deployment, endpoint: { outcome: 'deployed' } }, deployConfig(), fakes.ports);

    // Assess
    expect(await deploymentRecords(fakes)).toEqual([
      expect.objectContaining({
        decision: 'deployed',
        modelPackageArn: packageArn('churn', 1),
        trigger: 'rollback',
        requestedBy: 'alice',
        reason: 'v3 mislabels churners',
        previousModelPackageArn: packageArn('churn', 3),
        correlationId: 'rb-0123456789abcdef0123',
      }),
    ]);
    expect(fakes.events.published.map((e) => e.detailType)).toEqual(['Model Deployed']);
  });

  it('leaves the registry alone when SageMaker rolls the rollback back', async () => {
    // Prepare
    const fakes = deployPorts();
    const input = rollbackInput();
    const deployment = await acquireEndpoint(input, deployConfig(), fakes.ports);

    // Act
    await finishDeployment(
      { ...input, deployment, endpoint: { outcome: 'rolled_back', message: 'alarm fired' } },
      deployConfig(),
      fakes.ports,
    );

    // Assess
    expect(fakes.registry.updates).toEqual([]);
    expect(await deploymentRecords(fakes)).toEqual([
      expect.objectContaining({ decision: 'rolled_back', trigger: 'rollback' }),
    ]);
  });
});
