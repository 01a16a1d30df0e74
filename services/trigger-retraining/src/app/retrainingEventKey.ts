import { eventKey, type SkipReasonValue } from '@fleet/shared';

/**
 * The `eventKey` of every event trigger-retraining publishes, derived from the trigger's
 * ClientRequestToken, the idempotency key the service already deduplicates on.
 *
 * A retry of the same trigger (a redelivery, Lambda's async retry after a crash) publishes the
 * same fact under a new EventBridge id; the key stays the same, so a consumer (notify) sees a
 * re-publish and not a new event. Facts that differ get different keys: a failed start and the
 * failure of the run a later retry started are both `Retraining Failed`, hence the suffixes.
 */
export const retrainingEventKey = {
  /** `Retraining Started`: one start per token (StartPipelineExecution is idempotent on it). */
  started: (token: string): string => eventKey('Retraining Started', token),
  /** `Retraining Skipped`: one skip per token and reason. */
  skipped: (token: string, skipReason: SkipReasonValue): string =>
    eventKey('Retraining Skipped', `${token}#skipped#${skipReason}`),
  /** `Retraining Failed` before any run: the pipeline's declaration or its start failed. */
  startFailed: (token: string): string => eventKey('Retraining Failed', `${token}#start`),
  /** `Retraining Succeeded` or `Retraining Failed` at the end of the run the token started. */
  ended: (detailType: 'Retraining Succeeded' | 'Retraining Failed', token: string): string =>
    eventKey(detailType, `${token}#end`),
} as const;
