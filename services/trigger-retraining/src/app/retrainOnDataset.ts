import type { DatasetValidated } from '@fleet/shared';
import { pipelineSettings } from '../domain/PipelineSettings.js';
import { type DecideOptions, decideTrigger, type TriggerOutcome } from './decideTrigger.js';
import { datasetPipeline, datasetRequest } from './requests/datasetRequest.js';
import type { TriggerDependencies } from './TriggerDependencies.js';

/**
 * Decides a `Dataset Validated`: a landing retrains its dataset's pipeline, debounced per prefix
 * when the pipeline says so.
 *
 * A dataset no model or pipeline claims is ignored, not an error.
 */
export const retrainOnDataset = async (
  detail: DatasetValidated,
  { config, ports }: TriggerDependencies,
  options: DecideOptions = {},
): Promise<TriggerOutcome> => {
  const pipeline = datasetPipeline(config, detail.dataset);
  if (pipeline === undefined) return { status: 'ignored', why: `no pipeline retrains dataset "${detail.dataset}"` };
  const settings = pipelineSettings(config, pipeline);
  return decideTrigger(datasetRequest(detail, settings.key), settings, ports, options);
};
