/** What `DescribeEndpoint` says, as the outcome rule reads it; `undefined` when there is no endpoint. */
export type EndpointView = { status: string; endpointConfigName?: string; failureReason?: string };

/** How a deployment failed, in the catalog's `failure.code` words. */
export type DeploymentFailureOutcome = 'rolled_back' | 'failed' | 'update_rollback_failed' | 'timeout';

/** Where a deployment stands after one look at its endpoint. */
export type EndpointOutcome =
  | { outcome: 'updating'; status: string }
  | { outcome: 'deployed'; endpointConfigName: string }
  | { outcome: DeploymentFailureOutcome; message: string };

/** When the look is taken, and until when the deployment may run. */
export type OutcomeClock = { now: Date; deadline: Date };

/** Endpoint statuses that end a deployment. */
const SETTLED = new Set(['InService', 'Failed', 'UpdateRollbackFailed', 'OutOfService']);

/**
 * Decides what one `DescribeEndpoint` means for the deployment of `targetConfigName`.
 *
 * `InService` is success only when the endpoint serves the new configuration: SageMaker ends a
 * rolled-back update `InService` on the previous one, and reading that as success is how a
 * rollback gets reported as a deployment. So:
 *
 * - `InService` on `targetConfigName`: `deployed`;
 * - `InService` on any other configuration: `rolled_back`, with SageMaker's `FailureReason`;
 * - `Failed` (or `OutOfService`): `failed`; `UpdateRollbackFailed`: `update_rollback_failed`;
 * - no endpoint at all: `failed`;
 * - anything else (`Creating`, `Updating`, `RollingBack`, `SystemUpdating`): `updating`, until
 *   `deadline`, after which it is `timeout`.
 *
 * @example
 * endpointOutcome({ status: 'InService', endpointConfigName: 'churn-v1' }, 'churn-v2', clock).outcome // 'rolled_back'
 */
export const endpointOutcome = (
  endpoint: EndpointView | undefined,
  targetConfigName: string,
  clock: OutcomeClock,
): EndpointOutcome => {
  if (endpoint === undefined) {
    return { outcome: 'failed', message: `the endpoint no longer exists while deploying ${targetConfigName}` };
  }
  const reason =
    endpoint.failureReason === undefined || endpoint.failureReason === '' ? '' : `: ${endpoint.failureReason}`;
  if (!SETTLED.has(endpoint.status)) {
    if (clock.now.getTime() > clock.deadline.getTime()) {
      return {
        outcome: 'timeout',
        message: `still ${endpoint.status} at ${clock.now.toISOString()}, past the deployment's deadline ${clock.deadline.toISOString()}`,
      };
    }
    return { outcome: 'updating', status: endpoint.status };
  }
  if (endpoint.status === 'InService') {
    if (endpoint.endpointConfigName === targetConfigName) {
      return { outcome: 'deployed', endpointConfigName: targetConfigName };
    }
    return {
      outcome: 'rolled_back',
      message: `InService on ${endpoint.endpointConfigName ?? 'another configuration'}, not ${targetConfigName}${reason}`,
    };
  }
  if (endpoint.status === 'UpdateRollbackFailed') {
    return { outcome: 'update_rollback_failed', message: `UpdateRollbackFailed${reason}` };
  }
  return { outcome: 'failed', message: `${endpoint.status}${reason}` };
};
