/**
 * Each step of trigger-retraining whose failure is handled without a rethrow, as its log line names
 * it; `reportHandledFailure` of `@fleet/shared` writes the line and counts `BestEffortFailures`.
 */
export const bestEffortStep = {
  claimRelease: 'TriggerClaimReleaseFailed',
  decisionRecord: 'DecisionRecordFailed',
  failedNotPublished: 'RetrainingFailedNotPublished',
  runLockRelease: 'RunLockReleaseFailed',
  failureReasonLookup: 'FailureReasonLookupFailed',
  executionReopen: 'ExecutionReopenFailed',
} as const;

/** One of the {@link bestEffortStep} names. */
export type BestEffortStep = (typeof bestEffortStep)[keyof typeof bestEffortStep];
