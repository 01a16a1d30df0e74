import { taskHandler } from '@fleet/shared';
import { defaultDeployHostingDependencies } from '../adapters/dependencies/deployDependencies.js';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import { createDeploymentModel, type ModelStepOutput } from '../app/deploy/createDeploymentModel.js';
import type { DeploymentTaskInput } from '../app/deploy/DeploymentState.js';
import { DeploymentTaskInputSchema } from '../events/DeploymentTaskInput.js';

/** Builds the CreateModel task: the package's SageMaker model, found or created. */
export const createDeployCreateModelHandler = (dependencies = defaultDeployHostingDependencies) =>
  taskHandler({
    service: serviceName,
    input: DeploymentTaskInputSchema,
    handler: async (input, context): Promise<ModelStepOutput> => {
      const { config, ports } = dependencies();
      const model = await createDeploymentModel(input as DeploymentTaskInput, config, ports);
      context.logger.info(model.created ? 'model created' : 'model found', { model });
      return model;
    },
  });

/** Lambda entry point of the state machine's CreateModel state. */
export const handler = createDeployCreateModelHandler();
