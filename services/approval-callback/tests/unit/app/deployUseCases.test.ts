import { acquireEndpoint } from '../../../src/app/deploy/acquireEndpoint.js';
import { checkEndpoint } from '../../../src/app/deploy/checkEndpoint.js';
import { createDeploymentEndpointConfig } from '../../../src/app/deploy/createDeploymentEndpointConfig.js';
import { createDeploymentModel } from '../../../src/app/deploy/createDeploymentModel.js';
import type { AcquireOutput, DeploymentTaskInput } from '../../../src/app/deploy/DeploymentState.js';
import { finishDeployment } from '../../../src/app/deploy/finishDeployment.js';
import { startEndpointDeployment } from '../../../src/app/deploy/startEndpointDeployment.js';
import { approvedInput, deployConfig, deployPorts } from '../../support/deployFakes.js';
import { packageArn } from '../../support/fakes.js';

const ROLE = 'arn:aws:iam::123456789012:role/fleet-sagemaker-execution';

/** The state after deployAcquire took the lease for `input`. */
const acquiredState = async (
  input: DeploymentTaskInput,
  fakes: ReturnType<typeof deployPorts>,
  config = deployConfig(),
): Promise<DeploymentTaskInput & { deployment: AcquireOutput }> => ({
  ...input,
  deployment: await acquireEndpoint(input, config, fakes.ports),
});

describe('acquireEndpoint', () => {
  it('takes the endpoint lease for the deployment maximum and plans names per package version', async () => {
    // Prepare
    const fakes = deployPorts();

    // Act
    const acquired = await acquireEndpoint(approvedInput(3), deployConfig(), fakes.ports);

    // Assess
    expect(acquired).toEqual({
      outcome: 'acquired',
      deploymentId: 'appr3',
      endpointName: 'churn',
      variantName: 'AllTraffic',
      strategy: 'canary',
      modelName: 'churn-v3',
      endpointConfigName: 'churn-v3',
      startedAt: '2026-03-02T12:00:00.000Z',
      deadline: '2026-03-02T13:30:00.000Z',
    });
    const lease = await fakes.store.leases.get(fakes.store.lockKey('churn'));
    expect(lease).toMatchObject({ state: 'held', owner: 'appr3', expiresAt: '2026-03-02T13:30:00.000Z' });
  });

  it('answers none for a model without a deployment section, and takes no lease', async () => {
    // Prepare
    const fakes = deployPorts();
    const config = deployConfig();
    const { deployment: _, ...withoutDeployment } = config.models.churn;

    // Act
    const acquired = await acquireEndpoint(
      approvedInput(3),
      { ...config, models: { churn: withoutDeployment } },
      fakes.ports,
    );

    // Assess
    expect(acquired).toEqual({ outcome: 'none', reason: expect.stringContaining('no deployment section') });
    expect(await fakes.store.leases.get(fakes.store.lockKey('churn'))).toBeUndefined();
  });

  it('answers held to a second deployment of the endpoint, and gives the holder its lease back', async () => {
    // Prepare
    const fakes = deployPorts();
    await acquireEndpoint(approvedInput(3), deployConfig(), fakes.ports);

    // Act
    const second = await acquireEndpoint(approvedInput(4), deployConfig(), fakes.ports);
    const again = await acquireEndpoint(approvedInput(3), deployConfig(), fakes.ports);

    // Assess
    expect(second).toMatchObject({ outcome: 'held', heldBy: 'appr3' });
    expect(again.outcome).toBe('acquired');
  });

  it('answers superseded and releases the lease when a newer package is approved', async () => {
    // Prepare
    const fakes = deployPorts();
    for (const version of [3, 4]) {
      fakes.registry.add({
        modelPackageArn: packageArn('churn', version),
        modelPackageGroup: 'churn',
        status: 'Approved',
      });
    }

    // Act
    const older = await acquireEndpoint(approvedInput(3), deployConfig(), fakes.ports);
    const newer = await acquireEndpoint(approvedInput(4), deployConfig(), fakes.ports);

    // Assess
    expect(older).toMatchObject({ outcome: 'superseded', supersededBy: packageArn('churn', 4) });
    expect(newer.outcome).toBe('acquired');
  });

  it('waits for the lease of a deployment that ended to be released, then takes it over', async () => {
    // Prepare
    const fakes = deployPorts();
    const first = await acquiredState(approvedInput(3), fakes);
    const held = await acquireEndpoint(approvedInput(4), deployConfig(), fakes.ports);

    // Act
    await finishDeployment({ ...first, endpoint: { outcome: 'deployed' } }, deployConfig(), fakes.ports);
    const after = await acquireEndpoint(approvedInput(4), deployConfig(), fakes.ports);

    // Assess
    expect(held.outcome).toBe('held');
    expect(after.outcome).toBe('acquired');
  });
});

describe('the hosting steps', () => {
  it('creates the model from the package with the execution role, and finds it on a second run', async () => {
    // Prepare
    const fakes = deployPorts();
    const state = await acquiredState(approvedInput(3), fakes);

    // Act
    const first = await createDeploymentModel(state, deployConfig(), fakes.ports);
    const second = await createDeploymentModel(state, deployConfig(), fakes.ports);

    // Assess
    expect([first, second]).toEqual([
      { modelName: 'churn-v3', created: true },
      { modelName: 'churn-v3', created: false },
    ]);
    expect(fakes.hosting.calls).toEqual([
      {
        operation: 'CreateModel',
        input: { modelName: 'churn-v3', modelPackageArn: packageArn('churn', 3), executionRoleArn: ROLE },
      },
    ]);
  });

  it('creates the endpoint configuration with the variant and Data Capture under the prefix, once', async () => {
    // Prepare
    const fakes = deployPorts();
    const state = await acquiredState(approvedInput(3), fakes);

    // Act
    await createDeploymentEndpointConfig(state, deployConfig(), fakes.ports, { dataBucket: 'fleet-data' });
    const again = await createDeploymentEndpointConfig(state, deployConfig(), fakes.ports, {
      dataBucket: 'fleet-data',
    });

    // Assess
    expect(again.created).toBe(false);
    expect(fakes.hosting.calls.map((call) => call.input)).toEqual([
      {
        endpointConfigName: 'churn-v3',
        modelName: 'churn-v3',
        variantName: 'AllTraffic',
        instanceType: 'ml.m5.large',
        instanceCount: 2,
        dataCapture: {
          samplingPercent: 50,
          destinationS3Uri: 's3://fleet-data/capture',
          csvContentTypes: ['text/csv'],
        },
      },
    ]);
  });

  it('creates the endpoint when there is none', async () => {
    // Prepare
    const fakes = deployPorts();
    const state = await acquiredState(approvedInput(3), fakes);

    // Act
    const started = await startEndpointDeployment(state, deployConfig(), fakes.ports, { stage: 'dev' });

    // Assess
    expect(started.action).toBe('created');
    expect(fakes.hosting.calls).toEqual([
      { operation: 'CreateEndpoint', input: { endpointName: 'churn', endpointConfigName: 'churn-v3' } },
    ]);
  });

  it('updates an endpoint blue/green with the configured and the stack alarms', async () => {
    // Prepare
    const fakes = deployPorts();
    fakes.hosting.endpoints.set('churn', { status: 'InService', endpointConfigName: 'churn-v2' });
    const state = await acquiredState(approvedInput(3), fakes);

    // Act
    const started = await startEndpointDeployment(state, deployConfig(), fakes.ports, { stage: 'dev' });

    // Assess
    expect(started.action).toBe('updated');
    expect(fakes.hosting.calls[0]).toMatchObject({
      operation: 'UpdateEndpoint',
      input: {
        endpointConfigName: 'churn-v3',
        config: {
          BlueGreenUpdatePolicy: { TrafficRoutingConfiguration: { Type: 'CANARY' } },
          AutoRollbackConfiguration: {
            Alarms: [
              { AlarmName: 'churn-errors-by-hand' },
              { AlarmName: 'fleet-dev-churn-AllTraffic-Invocation5XXErrors' },
              { AlarmName: 'fleet-dev-churn-AllTraffic-ModelLatencyP99' },
            ],
          },
        },
      },
    });
  });

  it.each([
    [
      'updating to its configuration',
      { status: 'Updating', endpointConfigName: 'churn-v2', pendingEndpointConfigName: 'churn-v3' },
    ],
    ['in service on its configuration', { status: 'InService', endpointConfigName: 'churn-v3' }],
  ])('starts nothing again for an endpoint already %s', async (_, endpoint) => {
    // Prepare
    const fakes = deployPorts();
    fakes.hosting.endpoints.set('churn', endpoint);
    const state = await acquiredState(approvedInput(3), fakes);

    // Act
    const started = await startEndpointDeployment(state, deployConfig(), fakes.ports, { stage: 'dev' });

    // Assess
    expect(started.action).toBe('resumed');
    expect(fakes.hosting.calls).toEqual([]);
  });

  it('reads a rolled-back update from DescribeEndpoint as rolled_back', async () => {
    // Prepare
    const fakes = deployPorts();
    fakes.hosting.endpoints.set('churn', {
      status: 'InService',
      endpointConfigName: 'churn-v2',
      failureReason: 'alarm',
    });
    const state = await acquiredState(approvedInput(3), fakes);

    // Act
    const outcome = await checkEndpoint(state, fakes.ports);

    // Assess
    expect(outcome).toEqual({ outcome: 'rolled_back', message: 'InService on churn-v2, not churn-v3: alarm' });
  });

  it('refuses to run a hosting step without an acquired deployment', async () => {
    // Prepare
    const fakes = deployPorts();

    // Act
    const outcome = createDeploymentModel(approvedInput(3), deployConfig(), fakes.ports);

    // Assess
    await expect(outcome).rejects.toThrow('without an acquired deployment');
  });
});

describe('finishDeployment', () => {
  it('records a deployment, announces Model Deployed and releases the lease', async () => {
    // Prepare
    const fakes = deployPorts();
    const state = await acquiredState(approvedInput(3), fakes);
    fakes.clock.advance(1_800_000);

    // Act
    const verdict = await finishDeployment(
      { ...state, endpoint: { outcome: 'deployed', endpointConfigName: 'churn-v3' } },
      deployConfig(),
      fakes.ports,
    );

    // Assess
    expect(verdict.decision).toBe('deployed');
    expect(fakes.events.published.map((event) => event.detailType)).toEqual(['Model Deployed']);
    expect(fakes.events.published[0].detail).toMatchObject({
      model: 'churn',
      modelPackageArn: packageArn('churn', 3),
      endpointName: 'churn',
      strategy: 'canary',
      correlationId: 'corr-3',
    });
    const [record] = await fakes.records.history('MODEL#churn');
    expect(record).toMatchObject({
      sk: '2026-03-02T12:00:00.000Z#deployment#appr3',
      kind: 'deployment',
      id: 'appr3',
      decision: 'deployed',
      modelPackageArn: packageArn('churn', 3),
      endpointName: 'churn',
      endpointConfigName: 'churn-v3',
      variantName: 'AllTraffic',
      strategy: 'canary',
      finishedAt: '2026-03-02T12:30:00.000Z',
    });
    expect((await fakes.store.leases.get(fakes.store.lockKey('churn')))?.state).toBe('released');
    expect(fakes.metrics.counts).toEqual({ DeploymentsSucceeded: 1 });
  });

  it('reports a rollback as Deployment Failed, never Model Deployed, and rejects the package', async () => {
    // Prepare
    const fakes = deployPorts();
    const state = await acquiredState(approvedInput(3), fakes);

    // Act
    await finishDeployment(
      { ...state, endpoint: { outcome: 'rolled_back', message: 'InService on churn-v2, not churn-v3: alarm' } },
      deployConfig(),
      fakes.ports,
    );

    // Assess
    expect(fakes.events.ofType('Model Deployed')).toEqual([]);
    expect(fakes.events.ofType('Deployment Failed')[0]?.detail).toMatchObject({
      severity: 'error',
      failure: { code: 'rolled_back', message: 'InService on churn-v2, not churn-v3: alarm' },
    });
    expect(fakes.registry.updates).toEqual([
      {
        modelPackageArn: packageArn('churn', 3),
        status: 'Rejected',
        description: 'rolled back: InService on churn-v2, not churn-v3: alarm',
      },
    ]);
    expect(fakes.metrics.counts).toEqual({ DeploymentsFailed: 1, DeploymentsRolledBack: 1 });
  });

  it.each([
    ['update_rollback_failed', 'critical'],
    ['failed', 'error'],
    ['timeout', 'error'],
  ])('announces %s with severity %s and leaves the package as it is', async (outcome, severity) => {
    // Prepare
    const fakes = deployPorts();
    const state = await acquiredState(approvedInput(3), fakes);

    // Act
    await finishDeployment({ ...state, endpoint: { outcome, message: 'words' } }, deployConfig(), fakes.ports);

    // Assess
    expect(fakes.events.ofType('Deployment Failed')[0]?.detail).toMatchObject({ severity, failure: { code: outcome } });
    expect(fakes.registry.updates).toEqual([]);
    expect(fakes.metrics.counts).toEqual({ DeploymentsFailed: 1 });
  });

  it('announces a superseded deployment at info, without touching the lease it released', async () => {
    // Prepare
    const fakes = deployPorts();
    fakes.registry.add({ modelPackageArn: packageArn('churn', 4), modelPackageGroup: 'churn', status: 'Approved' });
    const state = await acquiredState(approvedInput(3), fakes);

    // Act
    const verdict = await finishDeployment(state, deployConfig(), fakes.ports);

    // Assess
    expect(verdict.decision).toBe('superseded');
    expect(fakes.events.ofType('Deployment Failed')[0]?.detail).toMatchObject({
      severity: 'info',
      failure: { code: 'superseded', message: expect.stringContaining(packageArn('churn', 4)) },
    });
  });

  it('fails with SageMaker message as validation when a task caught a ValidationException, and releases the lease', async () => {
    // Prepare
    const fakes = deployPorts();
    const state = await acquiredState(approvedInput(3), fakes);
    const caught = {
      Error: 'DeploymentValidationError',
      Cause: JSON.stringify({
        errorType: 'DeploymentValidationError',
        errorMessage: 'ValidationException: Invalid instance type',
      }),
    };

    // Act
    const verdict = await finishDeployment({ ...state, deploymentError: caught }, deployConfig(), fakes.ports);

    // Assess
    expect(verdict).toEqual({
      decision: 'validation',
      message: 'DeploymentValidationError: ValidationException: Invalid instance type',
    });
    expect(fakes.events.ofType('Deployment Failed')[0]?.detail).toMatchObject({ severity: 'warning' });
    expect((await fakes.store.leases.get(fakes.store.lockKey('churn')))?.state).toBe('released');
  });

  it('reports a lease it cannot release, and still ends the deployment', async () => {
    // Prepare
    const fakes = deployPorts();
    const state = { ...(await acquiredState(approvedInput(3), fakes)), endpoint: { outcome: 'deployed' } };
    jest.spyOn(fakes.store.leases, 'release').mockRejectedValueOnce(new Error('DynamoDB is away'));

    // Act
    const verdict = await finishDeployment(state, deployConfig(), fakes.ports);

    // Assess
    expect(verdict.decision).toBe('deployed');
    expect(fakes.events.ofType('Model Deployed')).toHaveLength(1);
    expect(fakes.logger.lines).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('could not release the endpoint lease'),
        attributes: expect.objectContaining({ correlationId: 'corr-3', step: 'DeploymentLeaseReleaseFailed' }),
      }),
    ]);
    expect(fakes.metrics.counts.BestEffortFailures).toBe(1);
  });

  it('writes one record and the same event key when it runs again', async () => {
    // Prepare
    const fakes = deployPorts();
    const state = { ...(await acquiredState(approvedInput(3), fakes)), endpoint: { outcome: 'deployed' } };

    // Act
    await finishDeployment(state, deployConfig(), fakes.ports);
    fakes.clock.advance(60_000);
    await finishDeployment(state, deployConfig(), fakes.ports);

    // Assess
    expect(await fakes.records.history('MODEL#churn')).toHaveLength(1);
    const keys = fakes.events.published.map((event) => event.detail.eventKey);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
  });
});
