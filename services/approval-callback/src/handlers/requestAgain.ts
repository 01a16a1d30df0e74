import { fleetHandler } from '@fleet/shared';
import { defaultRequestAgainDependencies } from '../adapters/dependencies/requestAgainDependencies.js';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import type { BeginOutcome } from '../app/beginApproval.js';
import { requestAgain } from '../app/requestAgain.js';
import { RequestAgainInput } from '../events/DirectInputs.js';
import { invocationOptions } from './invocationOptions.js';

/**
 * Builds the handler of a direct invocation `{ modelPackageArn }` (IAM-authorised) that asks
 * again for a package whose approval expired; it returns the new attempt.
 */
export const createRequestAgainHandler = (dependencies = defaultRequestAgainDependencies) =>
  fleetHandler({
    service: serviceName,
    schema: RequestAgainInput,
    handler: async (event, context): Promise<BeginOutcome> => {
      const { config, ports } = dependencies();
      const outcome = await requestAgain(
        { modelPackageArn: event.modelPackageArn, ...invocationOptions(context) },
        config,
        ports,
      );
      context.logger.info(`request again ${outcome.status}`, { outcome });
      return outcome;
    },
  });

/** Lambda entry point for operators asking again. */
export const handler = createRequestAgainHandler();
