import { taskHandler } from '@fleet/shared';
import { defaultDeployFinishDependencies } from '../adapters/dependencies/deployDependencies.js';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import type { DeploymentTaskInput } from '../app/deploy/DeploymentState.js';
import type { DeploymentVerdict } from '../app/deploy/deploymentVerdict.js';
import { finishDeployment } from '../app/deploy/finishDeployment.js';
import { DeploymentTaskInputSchema } from '../events/DeploymentTaskInput.js';

/** Builds the FinishDeployment task: the record, `Model Deployed` or `Deployment Failed`, the lease released. */
export const createDeployFinishHandler = (dependencies = defaultDeployFinishDependencies) =>
  taskHandler({
    service: serviceName,
    input: DeploymentTaskInputSchema,
    handler: async (input, context): Promise<DeploymentVerdict> => {
      const { config, ports } = dependencies();
      const verdict = await finishDeployment(input as DeploymentTaskInput, config, ports);
      context.logger.info(`deployment ${verdict.decision}`, { verdict });
      return verdict;
    },
  });

/** Lambda entry point of the state machine's FinishDeployment state. */
export const handler = createDeployFinishHandler();
