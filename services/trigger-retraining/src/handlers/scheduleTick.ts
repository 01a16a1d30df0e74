import { fleetHandler } from '@fleet/shared';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import { defaultStartDependencies } from '../adapters/dependencies/startDependencies.js';
import type { TriggerDependencies } from '../adapters/dependencies/TriggerDependencies.js';
import { decideTrigger, type TriggerOutcome } from '../app/decideTrigger.js';
import { scheduleRequest } from '../app/requests/scheduleRequest.js';
import { pipelineSettings } from '../domain/PipelineSettings.js';
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
      const { config, ports } = dependencies();
      const settings = pipelineSettings(config, event.pipeline);
      const outcome = await decideTrigger(
        { ...scheduleRequest(event), pipeline: settings.key },
        settings,
        ports,
        invocationOptions(context),
      );
      reportOutcome(outcome, context);
      return outcome;
    },
  });

/** Lambda entry point for the schedule rules. */
export const handler = createScheduleTickHandler();
