import { fleetHandler } from '@fleet/shared';
import { serviceName } from '../adapters/dependencies/serviceName.js';
import { defaultStartDependencies } from '../adapters/dependencies/startDependencies.js';
import type { TriggerDependencies } from '../adapters/dependencies/TriggerDependencies.js';
import { decideTrigger, type TriggerOutcome } from '../app/decideTrigger.js';
import { manualRequest } from '../app/requests/manualRequest.js';
import { pipelineSettings } from '../domain/PipelineSettings.js';
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
      const { config, ports } = dependencies();
      const settings = pipelineSettings(config, event.pipeline);
      const outcome = await decideTrigger(
        { ...manualRequest(event), pipeline: settings.key },
        settings,
        ports,
        invocationOptions(context),
      );
      reportOutcome(outcome, context);
      return outcome;
    },
  });

/** Lambda entry point for direct invocations. */
export const handler = createManualStartHandler();
