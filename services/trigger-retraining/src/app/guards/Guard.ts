import type { SkipReasonValue } from '@fleet/shared';
import type { PipelineSettings } from '../../domain/PipelineSettings.js';
import type { TriggerRequest } from '../../domain/TriggerRequest.js';

/** What a guard sees of the trigger it judges. */
export type GuardContext = {
  request: TriggerRequest;
  settings: PipelineSettings;
  /** The trigger's ClientRequestToken. */
  token: string;
  /** This attempt's id (its decision id): the owner of the claim the duplicate guard takes. */
  attempt: string;
  now: Date;
};

/**
 * One guard: a named check that may stop a run.
 *
 * `stops` may call a port (the duplicate guard writes its claim, in flight asks SageMaker);
 * guards run one at a time so a guard after the first stop is never asked.
 */
export type Guard = {
  reason: SkipReasonValue;
  stops: (context: GuardContext) => boolean | Promise<boolean>;
};
