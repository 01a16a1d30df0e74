import { taskHandler } from '@fleet/shared';
import { defaultApplyDependencies } from '../adapters/dependencies/applyDependencies.js';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import { type ApplyInput, type ApplyOutput, applyDecision } from '../app/applyDecision.js';
import { ApplyInputSchema } from '../events/ApprovalExecutionInput.js';

/** Builds the Apply task: the decision to the Model Registry, the record and `Approval Decided`. */
export const createApplyDecisionHandler = (dependencies = defaultApplyDependencies) =>
  taskHandler({
    service: serviceName,
    input: ApplyInputSchema,
    handler: async (input, context): Promise<ApplyOutput> => {
      const { ports } = dependencies();
      const applied = await applyDecision(input as ApplyInput, ports);
      context.logger.info(`applied ${applied.decision}`, { applied });
      return applied;
    },
  });

/** Lambda entry point of the state machine's Apply state. */
export const handler = createApplyDecisionHandler();
