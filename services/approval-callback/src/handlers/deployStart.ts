import { taskHandler } from '@fleet/shared';
import { defaultDeployHostingDependencies } from '../adapters/dependencies/deployDependencies.js';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import type { DeploymentTaskInput } from '../app/deploy/DeploymentState.js';
import { type StartStepOutput, startEndpointDeployment } from '../app/deploy/startEndpointDeployment.js';
import { DeploymentTaskInputSchema } from '../events/DeploymentTaskInput.js';

/** Builds the StartDeployment task: CreateEndpoint, or UpdateEndpoint with the blue/green policy. */
export const createDeployStartHandler = (dependencies = defaultDeployHostingDependencies) =>
  taskHandler({
    service: serviceName,
    input: DeploymentTaskInputSchema,
    handler: async (input, context): Promise<StartStepOutput> => {
      const { config, ports, stage } = dependencies();
      const started = await startEndpointDeployment(input as DeploymentTaskInput, config, ports, { stage });
      context.logger.info(`endpoint ${started.action}`, { started });
      return started;
    },
  });

/** Lambda entry point of the state machine's StartDeployment state. */
export const handler = createDeployStartHandler();
