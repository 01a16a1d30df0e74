import { taskHandler } from '@fleet/shared';
import { defaultCompareDependencies } from '../adapters/dependencies/compareDependencies.js';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import { type Comparison, compare } from '../app/compare.js';
import { ApprovalExecutionInputSchema } from '../events/ApprovalExecutionInput.js';

/** Builds the Compare task: challenger against champion, and the quality gate's verdict. */
export const createCompareHandler = (dependencies = defaultCompareDependencies) =>
  taskHandler({
    service: serviceName,
    input: ApprovalExecutionInputSchema,
    handler: async (input, context): Promise<Comparison> => {
      const { config, ports } = dependencies();
      const comparison = await compare(input, config, ports);
      context.logger.info('compared', { comparison });
      return comparison;
    },
  });

/** Lambda entry point of the state machine's Compare state. */
export const handler = createCompareHandler();
