import { pipelineSettings } from '../domain/PipelineSettings.js';
import type { DebounceFireEvent } from '../events/DebounceFireEvent.js';
import type { DecideOptions, TriggerOutcome } from './decideTrigger.js';
import { fireDebounce } from './fireDebounce.js';
import type { TriggerDependencies } from './TriggerDependencies.js';

/** Decides the firing of a prefix's debounce schedule for the pipeline it names (see fireDebounce). */
export const closeDebounceWindow = (
  fire: DebounceFireEvent,
  { config, ports }: TriggerDependencies,
  options: DecideOptions = {},
): Promise<TriggerOutcome> => {
  const settings = pipelineSettings(config, fire.pipeline);
  return fireDebounce({ ...fire, pipeline: settings.key }, settings, ports, options);
};
