import type { LoadedFleetConfig } from '@fleet/shared';
import type { DeploymentPorts } from './DeploymentPorts.js';
import type { DeploymentTaskInput } from './DeploymentState.js';
import { deploymentSettingsOf } from './deploymentSettings.js';
import { requirePlan } from './requirePlan.js';

/** What the model step did: created the model, or found it from an earlier run. */
export type ModelStepOutput = { modelName: string; created: boolean };

/**
 * Creates the SageMaker model of the approved package (`Containers: [{ ModelPackageName }]`,
 * the configured execution role), named per package version; a run after a crash finds the model
 * it created and creates nothing.
 *
 * @throws DeploymentTaskError (classified) when SageMaker refuses or fails
 */
export const createDeploymentModel = async (
  input: DeploymentTaskInput,
  config: Pick<LoadedFleetConfig, 'models'>,
  ports: Pick<DeploymentPorts, 'hosting'>,
): Promise<ModelStepOutput> => {
  const plan = requirePlan(input);
  const { deployment } = deploymentSettingsOf(config, input.model);
  if (await ports.hosting.modelExists(plan.modelName)) return { modelName: plan.modelName, created: false };
  await ports.hosting.createModel({
    modelName: plan.modelName,
    modelPackageArn: input.modelPackageArn,
    executionRoleArn: deployment.executionRoleArn,
  });
  return { modelName: plan.modelName, created: true };
};
