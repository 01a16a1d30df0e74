import { fleetEventSchema, fleetHandler } from '@fleet/shared';
import { defaultLandingDependencies } from '../adapters/dependencies/landingDependencies.js';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import type { TriggerOutcome } from '../app/decideTrigger.js';
import { retrainOnDataset } from '../app/retrainOnDataset.js';
import type { TriggerDependencies } from '../app/TriggerDependencies.js';
import { invocationOptions } from './invocationOptions.js';
import { reportOutcome } from './reportOutcome.js';

/** Builds the handler of `Dataset Validated` (see retrainOnDataset). */
export const createDatasetValidatedHandler = (dependencies: () => TriggerDependencies = defaultLandingDependencies) =>
  fleetHandler({
    service: serviceName,
    schema: fleetEventSchema('Dataset Validated'),
    handler: async (event, context): Promise<TriggerOutcome> => {
      const outcome = await retrainOnDataset(event.detail, dependencies(), invocationOptions(context));
      reportOutcome(outcome, context);
      return outcome;
    },
  });

/** Lambda entry point for `Dataset Validated` events from the fleet bus. */
export const handler = createDatasetValidatedHandler();
