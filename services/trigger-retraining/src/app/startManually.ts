import { pipelineSettings } from '../domain/PipelineSettings.js';
import type { ManualStart } from '../events/ManualStart.js';
import { type DecideOptions, decideTrigger, type TriggerOutcome } from './decideTrigger.js';
import { manualRequest } from './requests/manualRequest.js';
import type { TriggerDependencies } from './TriggerDependencies.js';

/** Decides a direct invocation for the pipeline it names; the caller's `requestId` is its identity. */
export const startManually = (
  input: ManualStart,
  { config, ports }: TriggerDependencies,
  options: DecideOptions = {},
): Promise<TriggerOutcome> => {
  const settings = pipelineSettings(config, input.pipeline);
  return decideTrigger({ ...manualRequest(input), pipeline: settings.key }, settings, ports, options);
};
