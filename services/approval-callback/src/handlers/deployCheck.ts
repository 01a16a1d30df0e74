import { taskHandler } from '@fleet/shared';
import { defaultDeployHostingDependencies } from '../adapters/dependencies/deployDependencies.js';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import { checkEndpoint } from '../app/deploy/checkEndpoint.js';
import type { DeploymentTaskInput } from '../app/deploy/DeploymentState.js';
import type { EndpointOutcome } from '../domain/deployment/endpointOutcome.js';
import { DeploymentTaskInputSchema } from '../events/DeploymentTaskInput.js';

/** Builds the CheckEndpoint task: one DescribeEndpoint, read by the rule that a rollback is never a success. */
export const createDeployCheckHandler = (dependencies = defaultDeployHostingDependencies) =>
  taskHandler({
    service: serviceName,
    input: DeploymentTaskInputSchema,
    handler: async (input, context): Promise<EndpointOutcome> => {
      const { ports } = dependencies();
      const outcome = await checkEndpoint(input as DeploymentTaskInput, ports);
      context.logger.info(`endpoint ${outcome.outcome}`, { outcome });
      return outcome;
    },
  });

/** Lambda entry point of the state machine's CheckEndpoint state. */
export const handler = createDeployCheckHandler();
