import { DeploymentConfig } from '@fleet/shared';
import { blueGreenDeploymentConfig } from '../../../src/domain/deployment/blueGreenDeploymentConfig.js';
import { classifyDeploymentError } from '../../../src/domain/deployment/classifyDeploymentError.js';
import { deploymentMaximumMs } from '../../../src/domain/deployment/deploymentDeadline.js';
import { deploymentResourceName, endpointAlarmNames } from '../../../src/domain/deployment/deploymentNames.js';
import { endpointOutcome } from '../../../src/domain/deployment/endpointOutcome.js';
import { supersedingPackage } from '../../../src/domain/deployment/supersedingPackage.js';
import { awsError, packageArn } from '../../support/fakes.js';

const clock = { now: new Date('2026-03-02T12:00:00.000Z'), deadline: new Date('2026-03-02T13:30:00.000Z') };

const settings = {
  waitIntervalSeconds: 600,
  terminationWaitSeconds: 300,
  canaryPercent: 10,
  maximumExecutionTimeoutSeconds: 3600,
};

describe('endpointOutcome: a rollback is never a success', () => {
  it('returns deployed only when the endpoint is InService on the new configuration', () => {
    // Act
    const outcome = endpointOutcome({ status: 'InService', endpointConfigName: 'churn-v2' }, 'churn-v2', clock);

    // Assess
    expect(outcome).toEqual({ outcome: 'deployed', endpointConfigName: 'churn-v2' });
  });

  it('returns rolled_back with the FailureReason when the endpoint is InService on another configuration', () => {
    // Prepare
    const reason = 'Update was rolled back because the following CloudWatch alarms were in ALARM state: [a].';

    // Act
    const outcome = endpointOutcome(
      { status: 'InService', endpointConfigName: 'churn-v1', failureReason: reason },
      'churn-v2',
      clock,
    );

    // Assess
    expect(outcome).toEqual({ outcome: 'rolled_back', message: `InService on churn-v1, not churn-v2: ${reason}` });
  });

  it('returns rolled_back for InService on another configuration even without a FailureReason', () => {
    // Act
    const outcome = endpointOutcome({ status: 'InService', endpointConfigName: 'churn-v1' }, 'churn-v2', clock);

    // Assess
    expect(outcome.outcome).toBe('rolled_back');
  });

  it.each([
    ['Failed', 'failed'],
    ['OutOfService', 'failed'],
    ['UpdateRollbackFailed', 'update_rollback_failed'],
  ])('returns %s as %s with the reason', (status, expected) => {
    // Act
    const outcome = endpointOutcome(
      { status, endpointConfigName: 'churn-v1', failureReason: 'boom' },
      'churn-v2',
      clock,
    );

    // Assess
    expect(outcome).toEqual({ outcome: expected, message: `${status}: boom` });
  });

  it.each(['Creating', 'Updating', 'RollingBack', 'SystemUpdating'])('keeps waiting while %s', (status) => {
    // Act
    const outcome = endpointOutcome({ status, endpointConfigName: 'churn-v1' }, 'churn-v2', clock);

    // Assess
    expect(outcome).toEqual({ outcome: 'updating', status });
  });

  it('returns timeout for an endpoint still updating after the deadline', () => {
    // Act
    const outcome = endpointOutcome({ status: 'Updating' }, 'churn-v2', {
      now: new Date('2026-03-02T13:30:00.001Z'),
      deadline: clock.deadline,
    });

    // Assess
    expect(outcome.outcome).toBe('timeout');
  });

  it('returns failed when the endpoint is gone', () => {
    // Act
    const outcome = endpointOutcome(undefined, 'churn-v2', clock);

    // Assess
    expect(outcome.outcome).toBe('failed');
  });
});

describe('blueGreenDeploymentConfig', () => {
  it('builds a canary of canaryPercent with its wait, baking, timeout and the alarms', () => {
    // Act
    const config = blueGreenDeploymentConfig({ ...settings, strategy: 'canary' }, ['mine', 'stack-5xx', 'mine']);

    // Assess
    expect(config).toEqual({
      BlueGreenUpdatePolicy: {
        TrafficRoutingConfiguration: {
          Type: 'CANARY',
          CanarySize: { Type: 'CAPACITY_PERCENT', Value: 10 },
          WaitIntervalInSeconds: 600,
        },
        TerminationWaitInSeconds: 300,
        MaximumExecutionTimeoutInSeconds: 3600,
      },
      AutoRollbackConfiguration: { Alarms: [{ AlarmName: 'mine' }, { AlarmName: 'stack-5xx' }] },
    });
  });

  it('builds linear steps of linearStepPercent', () => {
    // Act
    const config = blueGreenDeploymentConfig({ ...settings, strategy: 'linear', linearStepPercent: 25 }, ['a']);

    // Assess
    expect(config.BlueGreenUpdatePolicy.TrafficRoutingConfiguration).toEqual({
      Type: 'LINEAR',
      LinearStepSize: { Type: 'CAPACITY_PERCENT', Value: 25 },
      WaitIntervalInSeconds: 600,
    });
  });

  it('shifts all at once with no wait between shifts, still baking, and leaves out an unset timeout', () => {
    // Act
    const config = blueGreenDeploymentConfig(
      { ...settings, strategy: 'all-at-once', maximumExecutionTimeoutSeconds: undefined },
      ['a'],
    );

    // Assess
    expect(config.BlueGreenUpdatePolicy).toEqual({
      TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 0 },
      TerminationWaitInSeconds: 300,
    });
  });
});

describe('classifyDeploymentError', () => {
  it.each([
    ['ResourceLimitExceeded', 'DeploymentTransientError'],
    ['ThrottlingException', 'DeploymentTransientError'],
    ['InternalFailure', 'DeploymentTransientError'],
    ['AccessDeniedException', 'DeploymentRequestError'],
  ])('names %s %s', (code, name) => {
    // Act
    const classified = classifyDeploymentError(awsError(code, 'words'));

    // Assess
    expect(classified).toMatchObject({ name, code, message: `${code}: words` });
  });

  it('names a ValidationException DeploymentValidationError with its message', () => {
    // Act
    const classified = classifyDeploymentError(awsError('ValidationException', 'Invalid instance type ml.x.y'));

    // Assess
    expect(classified).toMatchObject({
      name: 'DeploymentValidationError',
      message: 'ValidationException: Invalid instance type ml.x.y',
    });
  });

  it('names "Cannot update in-progress endpoint" EndpointBusyError, which the state machine retries', () => {
    // Act
    const classified = classifyDeploymentError(
      awsError('ValidationException', 'Cannot update in-progress endpoint "arn:aws:sagemaker:x:1:endpoint/churn".'),
    );

    // Assess
    expect(classified.name).toBe('EndpointBusyError');
  });

  it('names any server fault transient', () => {
    // Act
    const classified = classifyDeploymentError(Object.assign(awsError('Mystery'), { $fault: 'server' }));

    // Assess
    expect(classified.name).toBe('DeploymentTransientError');
  });
});

describe('deployment names, deadline and superseding', () => {
  it('names the model and configuration per endpoint and package version, within 63 characters', () => {
    // Act
    const short = deploymentResourceName('churn', 3);
    const long = deploymentResourceName('e'.repeat(63), 12);

    // Assess
    expect(short).toBe('churn-v3');
    expect(long).toHaveLength(63);
    expect(long.endsWith('-v12')).toBe(true);
  });

  it('names the two stack alarms of an endpoint variant', () => {
    // Act
    const names = endpointAlarmNames('dev', 'churn', 'AllTraffic');

    // Assess
    expect(names).toEqual([
      'fleet-dev-churn-AllTraffic-Invocation5XXErrors',
      'fleet-dev-churn-AllTraffic-ModelLatencyP99',
    ]);
  });

  it('lets a deployment run SageMaker maximum plus half an hour', () => {
    // Act
    const configured = deploymentMaximumMs({ maximumExecutionTimeoutSeconds: 3600 });
    const unset = deploymentMaximumMs({ maximumExecutionTimeoutSeconds: undefined });

    // Assess
    expect(configured).toBe(5_400_000);
    expect(unset).toBe(28_800_000 + 1_800_000);
  });

  it('finds the highest approved version above ours, by version rather than list order', () => {
    // Prepare
    const approved = [packageArn('churn', 3), packageArn('churn', 5), packageArn('churn', 4)].map(
      (modelPackageArn) => ({
        modelPackageArn,
      }),
    );

    // Act
    const newer = supersedingPackage(approved, { modelPackageArn: packageArn('churn', 4), version: 4 });
    const none = supersedingPackage(approved, { modelPackageArn: packageArn('churn', 5), version: 5 });

    // Assess
    expect(newer).toBe(packageArn('churn', 5));
    expect(none).toBeUndefined();
  });
});

describe('DeploymentConfig alarms', () => {
  it('refuses more than 8 rollback alarms, since the stack adds two and SageMaker takes 10', () => {
    // Prepare
    const base = {
      endpointName: 'churn',
      instanceType: 'ml.m5.large',
      executionRoleArn: 'arn:aws:iam::123456789012:role/r',
    };

    // Act
    const eight = DeploymentConfig.safeParse({ ...base, rollbackAlarms: Array.from({ length: 8 }, (_, i) => `a${i}`) });
    const nine = DeploymentConfig.safeParse({ ...base, rollbackAlarms: Array.from({ length: 9 }, (_, i) => `a${i}`) });

    // Assess
    expect(eight.success).toBe(true);
    expect(nine.success).toBe(false);
    expect(nine.error?.issues[0]).toMatchObject({
      path: ['rollbackAlarms'],
      message: expect.stringContaining('at most 8'),
    });
  });
});
