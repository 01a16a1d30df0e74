import { taskHandler } from '@fleet/shared';
import { defaultDeployHostingDependencies } from '../adapters/dependencies/deployDependencies.js';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import {
  createDeploymentEndpointConfig,
  type EndpointConfigStepOutput,
} from '../app/deploy/createDeploymentEndpointConfig.js';
import type { DeploymentTaskInput } from '../app/deploy/DeploymentState.js';
import { DeploymentTaskInputSchema } from '../events/DeploymentTaskInput.js';

/** Builds the CreateEndpointConfig task: the package version's configuration, found or created. */
export const createDeployCreateEndpointConfigHandler = (dependencies = defaultDeployHostingDependencies) =>
  taskHandler({
    service: serviceName,
    input: DeploymentTaskInputSchema,
    handler: async (input, context): Promise<EndpointConfigStepOutput> => {
      const { config, ports, dataBucket } = dependencies();
      const created = await createDeploymentEndpointConfig(input as DeploymentTaskInput, config, ports, {
        dataBucket,
      });
      context.logger.info(created.created ? 'endpoint configuration created' : 'endpoint configuration found', {
        endpointConfig: created,
      });
      return created;
    },
  });

/** Lambda entry point of the state machine's CreateEndpointConfig state. */
export const handler = createDeployCreateEndpointConfigHandler();
