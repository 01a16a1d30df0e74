import { pipelineSettings } from '../domain/PipelineSettings.js';
import type { ScheduleInput } from '../events/ScheduleInput.js';
import { type DecideOptions, decideTrigger, type TriggerOutcome } from './decideTrigger.js';
import { scheduleRequest } from './requests/scheduleRequest.js';
import type { TriggerDependencies } from './TriggerDependencies.js';

/** Decides a schedule rule's tick for the pipeline its input names. */
export const startOnSchedule = (
  input: ScheduleInput,
  { config, ports }: TriggerDependencies,
  options: DecideOptions = {},
): Promise<TriggerOutcome> => {
  const settings = pipelineSettings(config, input.pipeline);
  return decideTrigger({ ...scheduleRequest(input), pipeline: settings.key }, settings, ports, options);
};
