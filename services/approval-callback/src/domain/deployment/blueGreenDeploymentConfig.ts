import type { DeploymentConfig } from '@fleet/shared';

/** A capacity as SageMaker's guardrails take it. */
export type CapacitySize = { Type: 'CAPACITY_PERCENT' | 'INSTANCE_COUNT'; Value: number };

/** `UpdateEndpoint`'s `DeploymentConfig`, as the fleet builds it (SageMaker's member names). */
export type EndpointDeploymentConfig = {
  BlueGreenUpdatePolicy: {
    TrafficRoutingConfiguration: {
      Type: 'CANARY' | 'LINEAR' | 'ALL_AT_ONCE';
      WaitIntervalInSeconds: number;
      CanarySize?: CapacitySize;
      LinearStepSize?: CapacitySize;
    };
    TerminationWaitInSeconds: number;
    MaximumExecutionTimeoutInSeconds?: number;
  };
  AutoRollbackConfiguration: { Alarms: { AlarmName: string }[] };
};

/** The deployment settings the policy is built from. */
export type BlueGreenSettings = Pick<
  DeploymentConfig,
  | 'strategy'
  | 'canaryPercent'
  | 'linearStepPercent'
  | 'waitIntervalSeconds'
  | 'terminationWaitSeconds'
  | 'maximumExecutionTimeoutSeconds'
>;

const ROUTING_TYPE = { canary: 'CANARY', linear: 'LINEAR', 'all-at-once': 'ALL_AT_ONCE' } as const;

/**
 * `UpdateEndpoint`'s `DeploymentConfig` for a model's settings: blue/green traffic shifting by
 * `strategy` (a canary of `canaryPercent` of the capacity, linear steps of `linearStepPercent`,
 * or all at once), waits of `waitIntervalSeconds` between shifts, baking for
 * `terminationWaitSeconds`, and automatic rollback on `alarms` (the configured ones and the
 * stack's, duplicates dropped, in order).
 *
 * All at once waits nowhere between shifts, so its `WaitIntervalInSeconds` is 0; the baking
 * (`TerminationWaitInSeconds`) still guards it.
 *
 * @example
 * blueGreenDeploymentConfig({ strategy: 'canary', canaryPercent: 10, waitIntervalSeconds: 600, terminationWaitSeconds: 600 }, ['a'])
 *   .BlueGreenUpdatePolicy.TrafficRoutingConfiguration // { Type: 'CANARY', WaitIntervalInSeconds: 600, CanarySize: { Type: 'CAPACITY_PERCENT', Value: 10 } }
 */
export const blueGreenDeploymentConfig = (
  settings: BlueGreenSettings,
  alarms: readonly string[],
): EndpointDeploymentConfig => {
  const type = ROUTING_TYPE[settings.strategy];
  const routing: EndpointDeploymentConfig['BlueGreenUpdatePolicy']['TrafficRoutingConfiguration'] = {
    Type: type,
    WaitIntervalInSeconds: type === 'ALL_AT_ONCE' ? 0 : settings.waitIntervalSeconds,
  };
  if (type === 'CANARY') routing.CanarySize = { Type: 'CAPACITY_PERCENT', Value: settings.canaryPercent };
  if (type === 'LINEAR') {
    routing.LinearStepSize = { Type: 'CAPACITY_PERCENT', Value: settings.linearStepPercent ?? settings.canaryPercent };
  }
  return {
    BlueGreenUpdatePolicy: {
      TrafficRoutingConfiguration: routing,
      TerminationWaitInSeconds: settings.terminationWaitSeconds,
      ...(settings.maximumExecutionTimeoutSeconds === undefined
        ? {}
        : { MaximumExecutionTimeoutInSeconds: settings.maximumExecutionTimeoutSeconds }),
    },
    AutoRollbackConfiguration: { Alarms: [...new Set(alarms)].map((AlarmName) => ({ AlarmName })) },
  };
};
