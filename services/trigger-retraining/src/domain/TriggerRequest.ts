import type { DriftSeverityValue, Trigger } from '@fleet/shared';
import type { CoveredObject } from './CoveredObject.js';

/** A dataset that landed under a prefix: what the debounce guard collects. */
export type Landing = {
  /** `s3://bucket/prefix/`: everything under it is trained on when the debounce fires. */
  prefix: string;
  bucket: string;
  key: string;
  dataset?: string;
  contractHash?: string;
};

/**
 * One request to start a pipeline, whatever its source (schedule, dataset, drift, manual,
 * debounce).
 *
 * `requested` holds parameters the caller asked for by name (a schedule's input, a manual
 * call): each must be on the pipeline's allow-list or the request is rejected. `offered`
 * holds fields the event carries anyway (`s3Uri`, `dataset`, `reason`, ...): the allow-list
 * picks those the pipeline takes and the rest are left out.
 */
export type TriggerRequest = {
  /** The pipeline's key under `pipelines` in the fleet configuration. */
  pipeline: string;
  trigger: Trigger;
  reason: string;
  correlationId: string;
  requested: Record<string, unknown>;
  offered: Record<string, string | number | boolean | undefined>;
  /** Set for a dataset landing: the debounce guard applies to it. */
  landing?: Landing;
  /** Set when the debounce schedule fired: the trailing edge, which debounce lets through. */
  debounced?: boolean;
  /** The validated objects the run would train on (a landing, or every landing of a window): lineage. */
  covers?: { objects: CoveredObject[]; omitted: number };
  /** Set for a drift: the model, how severe the drift is and the lowest severity its model retrains on. */
  drift?: DriftTrigger;
};

/** What a drift trigger carries for the drift guards (`below-retrain-severity`, `model-busy`). */
export type DriftTrigger = {
  model: string;
  severity: DriftSeverityValue;
  /** The model's `drift.retrainOn`. */
  retrainOn: DriftSeverityValue;
};
