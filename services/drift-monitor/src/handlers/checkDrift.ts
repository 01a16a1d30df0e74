import { ConfigError, fleetHandler, leaseDurationForInvocation, MetricDimension } from '@fleet/shared';
import { type CheckDependencies, defaultCheckDependencies } from '../adapters/dependencies/checkDependencies.js';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import type { CheckOutcome } from '../app/CheckOutcome.js';
import { checkDrift } from '../app/checkDrift.js';
import { DriftCheckInput } from '../events/DriftCheckInput.js';

/** Builds the handler of a model's drift schedule (see checkDrift). */
export const createCheckDriftHandler = (dependencies: () => CheckDependencies = defaultCheckDependencies) =>
  fleetHandler({
    service: serviceName,
    schema: DriftCheckInput,
    correlationId: (event) => event.eventId,
    handler: async (event, context): Promise<CheckOutcome> => {
      const { ports, settings } = dependencies();
      const model = settings.get(event.model);
      if (model === undefined) {
        throw new ConfigError('fleet configuration', `models.${event.model}.drift: the model is not monitored`);
      }
      context.metrics.addDimension(MetricDimension.model, event.model);
      const outcome = await checkDrift(
        model,
        {
          scheduledTime: new Date(event.scheduledTime),
          correlationId: context.correlationId,
          attempt: context.lambdaContext?.awsRequestId ?? context.correlationId,
          leaseMs: leaseDurationForInvocation(context.lambdaContext),
        },
        ports,
      );
      context.logger.info(`drift check ${outcome.status}`, { outcome });
      return outcome;
    },
  });

/** Lambda entry point for the drift schedules. */
export const handler = createCheckDriftHandler();
