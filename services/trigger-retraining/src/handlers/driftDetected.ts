import { fleetEventSchema, fleetHandler } from '@fleet/shared';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import { defaultStartDependencies } from '../adapters/dependencies/startDependencies.js';
import type { TriggerDependencies } from '../adapters/dependencies/TriggerDependencies.js';
import { decideTrigger, type TriggerOutcome } from '../app/decideTrigger.js';
import { driftRequest } from '../app/requests/driftRequest.js';
import { pipelineSettings } from '../domain/PipelineSettings.js';
import { invocationOptions } from './invocationOptions.js';
import { reportOutcome } from './reportOutcome.js';

/**
 * Builds the handler of `Drift Detected`: drift on a model retrains the pipeline the event names.
 *
 * Only a measured drift (`status: drift`) retrains; a window with too little data does not.
 */
export const createDriftDetectedHandler = (dependencies: () => TriggerDependencies = defaultStartDependencies) =>
  fleetHandler({
    service: serviceName,
    schema: fleetEventSchema('Drift Detected'),
    handler: async (event, context): Promise<TriggerOutcome> => {
      const { config, ports } = dependencies();
      let outcome: TriggerOutcome;
      if (event.detail.status !== 'drift') {
        outcome = { status: 'ignored', why: `drift status is ${event.detail.status}` };
      } else {
        const settings = pipelineSettings(config, event.detail.pipeline);
        outcome = await decideTrigger(
          { ...driftRequest(event.detail), pipeline: settings.key },
          settings,
          ports,
          invocationOptions(context),
        );
      }
      reportOutcome(outcome, context);
      return outcome;
    },
  });

/** Lambda entry point for `Drift Detected` events from the fleet bus. */
export const handler = createDriftDetectedHandler();
