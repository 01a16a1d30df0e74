import { fleetEventSchema, fleetHandler } from '@fleet/shared';
import { defaultLandingDependencies } from '../adapters/dependencies/landingDependencies.js';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import type { TriggerDependencies } from '../adapters/dependencies/TriggerDependencies.js';
import { decideTrigger, type TriggerOutcome } from '../app/decideTrigger.js';
import { datasetPipeline, datasetRequest } from '../app/requests/datasetRequest.js';
import { pipelineSettings } from '../domain/PipelineSettings.js';
import { invocationOptions } from './invocationOptions.js';
import { reportOutcome } from './reportOutcome.js';

/**
 * Builds the handler of `Dataset Validated`: a landing that retrains its dataset's pipeline,
 * debounced per prefix when the pipeline says so.
 *
 * A dataset no model or pipeline claims is ignored, not an error.
 */
export const createDatasetValidatedHandler = (dependencies: () => TriggerDependencies = defaultLandingDependencies) =>
  fleetHandler({
    service: serviceName,
    schema: fleetEventSchema('Dataset Validated'),
    handler: async (event, context): Promise<TriggerOutcome> => {
      const { config, ports } = dependencies();
      const pipeline = datasetPipeline(config, event.detail.dataset);
      let outcome: TriggerOutcome;
      if (pipeline === undefined) {
        outcome = { status: 'ignored', why: `no pipeline retrains dataset "${event.detail.dataset}"` };
      } else {
        const settings = pipelineSettings(config, pipeline);
        outcome = await decideTrigger(
          datasetRequest(event.detail, settings.key),
          settings,
          ports,
          invocationOptions(context),
        );
      }
      reportOutcome(outcome, context);
      return outcome;
    },
  });

/** Lambda entry point for `Dataset Validated` events from the fleet bus. */
export const handler = createDatasetValidatedHandler();
