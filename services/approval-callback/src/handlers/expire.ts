import { taskHandler } from '@fleet/shared';
import { defaultApplyDependencies } from '../adapters/dependencies/applyDependencies.js';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import { type ExpireInput, type ExpireOutput, expireApproval } from '../app/expireApproval.js';
import { ExpireInputSchema } from '../events/ApprovalExecutionInput.js';

/** Builds the Expire task, run when the wait for a decision timed out. */
export const createExpireHandler = (dependencies = defaultApplyDependencies) =>
  taskHandler({
    service: serviceName,
    input: ExpireInputSchema,
    handler: async (input, context): Promise<ExpireOutput> => {
      const { config, ports } = dependencies();
      const expired = await expireApproval(input as ExpireInput, config, ports);
      context.logger.info('approval expired', { expired });
      return expired;
    },
  });

/** Lambda entry point of the state machine's Expire state. */
export const handler = createExpireHandler();
