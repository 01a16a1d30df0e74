import { fleetHandler } from '@fleet/shared';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import { defaultStartDependencies } from '../adapters/dependencies/startDependencies.js';
import type { TriggerOutcome } from '../app/decideTrigger.js';
import { startOnSchedule } from '../app/startOnSchedule.js';
import type { TriggerDependencies } from '../app/TriggerDependencies.js';
import { ScheduleInput } from '../events/ScheduleInput.js';
import { invocationOptions } from './invocationOptions.js';
import { reportOutcome } from './reportOutcome.js';

/**
 * Builds the handler of a schedule rule's tick. The rule's input transformer sends
 * `{ pipeline, rule, scheduledTime, eventId, parameters }` (see ScheduleInput).
 */
export const createScheduleTickHandler = (dependencies: () => TriggerDependencies = defaultStartDependencies) =>
  fleetHandler({
    service: serviceName,
    schema: ScheduleInput,
    correlationId: (event) => event.eventId,
    handler: async (event, context): Promise<TriggerOutcome> => {
      const outcome = await startOnSchedule(event, dependencies(), invocationOptions(context));
      reportOutcome(outcome, context);
      return outcome;
    },
  });

/** Lambda entry point for the schedule rules. */
export const handler = createScheduleTickHandler();
