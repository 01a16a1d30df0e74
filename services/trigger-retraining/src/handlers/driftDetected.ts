import { fleetEventSchema, fleetHandler } from '@fleet/shared';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import { defaultStartDependencies } from '../adapters/dependencies/startDependencies.js';
import type { TriggerOutcome } from '../app/decideTrigger.js';
import { retrainOnDrift } from '../app/retrainOnDrift.js';
import type { TriggerDependencies } from '../app/TriggerDependencies.js';
import { invocationOptions } from './invocationOptions.js';
import { reportOutcome } from './reportOutcome.js';

/** Builds the handler of `Drift Detected` (see retrainOnDrift). */
export const createDriftDetectedHandler = (dependencies: () => TriggerDependencies = defaultStartDependencies) =>
  fleetHandler({
    service: serviceName,
    schema: fleetEventSchema('Drift Detected'),
    handler: async (event, context): Promise<TriggerOutcome> => {
      const outcome = await retrainOnDrift(event.detail, dependencies(), invocationOptions(context));
      reportOutcome(outcome, context);
      return outcome;
    },
  });

/** Lambda entry point for `Drift Detected` events from the fleet bus. */
export const handler = createDriftDetectedHandler();
