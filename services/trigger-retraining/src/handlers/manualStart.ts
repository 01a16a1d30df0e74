import { fleetHandler } from '@fleet/shared';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import { defaultStartDependencies } from '../adapters/dependencies/startDependencies.js';
import type { TriggerOutcome } from '../app/decideTrigger.js';
import { startManually } from '../app/startManually.js';
import type { TriggerDependencies } from '../app/TriggerDependencies.js';
import { ManualStart } from '../events/ManualStart.js';
import { invocationOptions } from './invocationOptions.js';
import { reportOutcome } from './reportOutcome.js';

/**
 * Builds the handler of a direct invocation: `{ pipeline, requestId, reason?, parameters? }`
 * (see ManualStart). It returns the outcome, so a synchronous caller learns the execution ARN
 * or why the run was skipped.
 */
export const createManualStartHandler = (dependencies: () => TriggerDependencies = defaultStartDependencies) =>
  fleetHandler({
    service: serviceName,
    schema: ManualStart,
    correlationId: (event) => event.correlationId ?? event.requestId,
    handler: async (event, context): Promise<TriggerOutcome> => {
      const outcome = await startManually(event, dependencies(), invocationOptions(context));
      reportOutcome(outcome, context);
      return outcome;
    },
  });

/** Lambda entry point for direct invocations. */
export const handler = createManualStartHandler();
