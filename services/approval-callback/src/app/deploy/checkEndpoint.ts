import { type EndpointOutcome, endpointOutcome } from '../../domain/deployment/endpointOutcome.js';
import type { DeploymentPorts } from './DeploymentPorts.js';
import type { DeploymentTaskInput } from './DeploymentState.js';
import { requirePlan } from './requirePlan.js';

/**
 * One look at the endpoint (`DescribeEndpoint`): `updating` while SageMaker works (the state
 * machine waits and looks again), else how the deployment ended, by `endpointOutcome`'s rule:
 * `InService` counts only on the new configuration.
 *
 * @throws DeploymentTaskError (classified) when SageMaker fails
 */
export const checkEndpoint = async (
  input: DeploymentTaskInput,
  ports: Pick<DeploymentPorts, 'hosting' | 'clock'>,
): Promise<EndpointOutcome> => {
  const plan = requirePlan(input);
  const endpoint = await ports.hosting.describeEndpoint(plan.endpointName);
  return endpointOutcome(
    endpoint === undefined
      ? undefined
      : {
          status: endpoint.status,
          ...(endpoint.endpointConfigName === undefined ? {} : { endpointConfigName: endpoint.endpointConfigName }),
          ...(endpoint.failureReason === undefined ? {} : { failureReason: endpoint.failureReason }),
        },
    plan.endpointConfigName,
    { now: ports.clock.now(), deadline: new Date(plan.deadline) },
  );
};
