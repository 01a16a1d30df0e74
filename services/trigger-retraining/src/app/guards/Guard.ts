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
 * A stop that says more than its reason: the fields the skip's decision record keeps (who
 * paused the model and why, say).
 */
export type GuardStop = { details: Record<string, string> };

/**
 * One guard: a named check that may stop a run.
 *
 * `stops` may call a port (the duplicate guard writes its claim, in flight asks SageMaker);
 * guards run one at a time so a guard after the first stop is never asked. It answers `true`,
 * or a {@link GuardStop} when the record should say more, to stop the run.
 */
export type Guard = {
  reason: SkipReasonValue;
  stops: (context: GuardContext) => boolean | GuardStop | Promise<boolean | GuardStop>;
};
