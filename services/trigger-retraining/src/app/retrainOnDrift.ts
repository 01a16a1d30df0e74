import type { DriftDetected } from '@fleet/shared';
import { pipelineSettings } from '../domain/PipelineSettings.js';
import { type DecideOptions, decideTrigger, type TriggerOutcome } from './decideTrigger.js';
import { driftRequest } from './requests/driftRequest.js';
import type { TriggerDependencies } from './TriggerDependencies.js';

/**
 * Decides a `Drift Detected`: drift on a model retrains the pipeline the event names.
 *
 * Only a measured drift (`status: drift`) retrains; a window with too little data does not. A
 * drift below the model's `drift.retrainOn` (critical by default, also for a model without a
 * drift section) is recorded as `below-retrain-severity`, and one while the model is already
 * retrained, waiting for approval or deploying as `model-busy` (see the guards).
 */
export const retrainOnDrift = async (
  detail: DriftDetected,
  { config, ports }: TriggerDependencies,
  options: DecideOptions = {},
): Promise<TriggerOutcome> => {
  if (detail.status !== 'drift') return { status: 'ignored', why: `drift status is ${detail.status}` };
  const settings = pipelineSettings(config, detail.pipeline);
  const retrainOn = config.models[detail.model]?.drift?.retrainOn ?? 'critical';
  return decideTrigger({ ...driftRequest(detail, retrainOn), pipeline: settings.key }, settings, ports, options);
};
