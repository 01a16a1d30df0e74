import { taskHandler } from '@fleet/shared';
import { defaultDeployAcquireDependencies } from '../adapters/dependencies/deployDependencies.js';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import { acquireEndpoint } from '../app/deploy/acquireEndpoint.js';
import type { AcquireOutput } from '../app/deploy/DeploymentState.js';
import { DeploymentTaskInputSchema } from '../events/DeploymentTaskInput.js';

/** Builds the AcquireEndpoint task: the endpoint's deployment lease, or who holds it, or a newer package. */
export const createDeployAcquireHandler = (dependencies = defaultDeployAcquireDependencies) =>
  taskHandler({
    service: serviceName,
    input: DeploymentTaskInputSchema,
    handler: async (input, context): Promise<AcquireOutput> => {
      const { config, ports } = dependencies();
      const acquired = await acquireEndpoint(input, config, ports);
      context.logger.info(`deployment lease ${acquired.outcome}`, { deployment: acquired });
      return acquired;
    },
  });

/** Lambda entry point of the state machine's AcquireEndpoint state. */
export const handler = createDeployAcquireHandler();
