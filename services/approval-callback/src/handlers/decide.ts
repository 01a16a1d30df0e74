import { fleetHandler } from '@fleet/shared';
import { defaultDecideDependencies } from '../adapters/dependencies/decideDependencies.js';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import { decideDirectly } from '../app/decideDirectly.js';
import type { DecideOutcome } from '../app/decideOnce.js';
import { DecideInput } from '../events/DirectInputs.js';
import { invocationOptions } from './invocationOptions.js';

/**
 * Builds the handler of an operator's decision by direct invocation (IAM-authorised):
 * `{ approvalId, decision, decidedBy, reason }`, through the same exactly-once path as Slack.
 */
export const createDecideHandler = (dependencies = defaultDecideDependencies) =>
  fleetHandler({
    service: serviceName,
    schema: DecideInput,
    correlationId: (event) => event.approvalId,
    handler: async (event, context): Promise<DecideOutcome> => {
      const { ports } = dependencies();
      const outcome = await decideDirectly(event, ports, invocationOptions(context));
      context.logger.info(`decision ${outcome.status}`, { outcome });
      return outcome;
    },
  });

/** Lambda entry point for operators' decisions. */
export const handler = createDecideHandler();
