import type { LoadedFleetConfig } from '@fleet/shared';
import { blueGreenDeploymentConfig } from '../../domain/deployment/blueGreenDeploymentConfig.js';
import { endpointAlarmNames } from '../../domain/deployment/deploymentNames.js';
import type { DeploymentPorts } from './DeploymentPorts.js';
import type { DeploymentTaskInput } from './DeploymentState.js';
import { deploymentSettingsOf } from './deploymentSettings.js';
import { requirePlan } from './requirePlan.js';

/** What starting the deployment did: created the endpoint, updated it, or found its own deployment running. */
export type StartStepOutput = { action: 'created' | 'updated' | 'resumed'; endpointName: string };

/**
 * Puts the package's configuration on the endpoint: `CreateEndpoint` when there is no endpoint,
 * else `UpdateEndpoint` with the blue/green policy of the model's `strategy` and automatic
 * rollback on the configured alarms and the two the stack creates for the variant.
 *
 * A run after a crash that finds the endpoint already on (or deploying) this configuration
 * starts nothing again (a second update would be refused as in progress, or deploy twice).
 *
 * @throws DeploymentTaskError (classified) when SageMaker refuses or fails
 */
export const startEndpointDeployment = async (
  input: DeploymentTaskInput,
  config: Pick<LoadedFleetConfig, 'models'>,
  ports: Pick<DeploymentPorts, 'hosting'>,
  options: { stage: string },
): Promise<StartStepOutput> => {
  const plan = requirePlan(input);
  const { deployment } = deploymentSettingsOf(config, input.model);
  const { endpointName, endpointConfigName } = plan;
  const endpoint = await ports.hosting.describeEndpoint(endpointName);
  if (endpoint === undefined) {
    await ports.hosting.createEndpoint(endpointName, endpointConfigName);
    return { action: 'created', endpointName };
  }
  const ours =
    endpoint.pendingEndpointConfigName === endpointConfigName ||
    (endpoint.endpointConfigName === endpointConfigName && endpoint.status !== 'Failed');
  if (ours) return { action: 'resumed', endpointName };
  const alarms = [
    ...deployment.rollbackAlarms,
    ...endpointAlarmNames(options.stage, endpointName, deployment.variantName),
  ];
  await ports.hosting.updateEndpoint(endpointName, endpointConfigName, blueGreenDeploymentConfig(deployment, alarms));
  return { action: 'updated', endpointName };
};
