import { fleetHandler } from '@fleet/shared';
import { defaultLandingDependencies } from '../adapters/dependencies/landingDependencies.js';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import type { TriggerDependencies } from '../adapters/dependencies/TriggerDependencies.js';
import type { TriggerOutcome } from '../app/decideTrigger.js';
import { fireDebounce } from '../app/fireDebounce.js';
import { pipelineSettings } from '../domain/PipelineSettings.js';
import { DebounceFireEvent } from '../events/DebounceFireEvent.js';
import { invocationOptions } from './invocationOptions.js';
import { reportOutcome } from './reportOutcome.js';

/**
 * Builds the handler the debounce schedules invoke with `{ kind: 'debounce', pipeline, prefix,
 * armedAt }`: one run for everything that landed under the prefix once it has been quiet.
 */
export const createDebounceFireHandler = (dependencies: () => TriggerDependencies = defaultLandingDependencies) =>
  fleetHandler({
    service: serviceName,
    schema: DebounceFireEvent,
    handler: async (event, context): Promise<TriggerOutcome> => {
      const { config, ports } = dependencies();
      const settings = pipelineSettings(config, event.pipeline);
      const outcome = await fireDebounce(
        { ...event, pipeline: settings.key },
        settings,
        ports,
        invocationOptions(context),
      );
      reportOutcome(outcome, context);
      return outcome;
    },
  });

/** Lambda entry point for the debounce schedules. */
export const handler = createDebounceFireHandler();
