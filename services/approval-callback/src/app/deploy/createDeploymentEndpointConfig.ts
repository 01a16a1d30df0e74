import type { LoadedFleetConfig } from '@fleet/shared';
import type { DeploymentPorts } from './DeploymentPorts.js';
import type { DeploymentTaskInput } from './DeploymentState.js';
import { deploymentSettingsOf } from './deploymentSettings.js';
import { requirePlan } from './requirePlan.js';

/** What the endpoint configuration step did. */
export type EndpointConfigStepOutput = { endpointConfigName: string; created: boolean };

/**
 * Creates the endpoint configuration of the package version: the configured variant (its name is
 * kept across deployments, as guardrails require), instance type and count, and Data Capture of
 * inputs and outputs to `s3://<data bucket>/<dataCapture.prefix>` when `dataCapture` is set. A run
 * after a crash finds the configuration it created and creates nothing.
 *
 * @throws DeploymentTaskError (classified) when SageMaker refuses or fails
 */
export const createDeploymentEndpointConfig = async (
  input: DeploymentTaskInput,
  config: Pick<LoadedFleetConfig, 'models'>,
  ports: Pick<DeploymentPorts, 'hosting'>,
  options: { dataBucket: string },
): Promise<EndpointConfigStepOutput> => {
  const plan = requirePlan(input);
  const { deployment } = deploymentSettingsOf(config, input.model);
  if (await ports.hosting.endpointConfigExists(plan.endpointConfigName)) {
    return { endpointConfigName: plan.endpointConfigName, created: false };
  }
  const capture = deployment.dataCapture;
  await ports.hosting.createEndpointConfig({
    endpointConfigName: plan.endpointConfigName,
    modelName: plan.modelName,
    variantName: deployment.variantName,
    instanceType: deployment.instanceType,
    instanceCount: deployment.instanceCount,
    ...(capture === undefined
      ? {}
      : {
          dataCapture: {
            samplingPercent: capture.samplingPercent,
            destinationS3Uri: `s3://${options.dataBucket}/${capture.prefix.replace(/^\/+|\/+$/g, '')}`,
            csvContentTypes: capture.csvContentTypes,
          },
        }),
  });
  return { endpointConfigName: plan.endpointConfigName, created: true };
};
