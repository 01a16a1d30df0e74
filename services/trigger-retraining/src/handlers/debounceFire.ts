import { fleetHandler } from '@fleet/shared';
import { defaultLandingDependencies } from '../adapters/dependencies/landingDependencies.js';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import { closeDebounceWindow } from '../app/closeDebounceWindow.js';
import type { TriggerOutcome } from '../app/decideTrigger.js';
import type { TriggerDependencies } from '../app/TriggerDependencies.js';
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
      const outcome = await closeDebounceWindow(event, dependencies(), invocationOptions(context));
      reportOutcome(outcome, context);
      return outcome;
    },
  });

/** Lambda entry point for the debounce schedules. */
export const handler = createDebounceFireHandler();
