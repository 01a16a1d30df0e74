import type { AppLogger, AppMetrics } from './ports.js';

/** The metric each failure that is handled without a rethrow counts, one name per site. */
export const handledFailureMetric = {
  claimRelease: 'TriggerClaimReleaseFailed',
  decisionRecord: 'DecisionRecordFailed',
  failedNotPublished: 'RetrainingFailedNotPublished',
  runLockRelease: 'RunLockReleaseFailed',
  failureReasonLookup: 'FailureReasonLookupFailed',
  executionReopen: 'ExecutionReopenFailed',
} as const;

/** One of the {@link handledFailureMetric} names. */
export type HandledFailureMetric = (typeof handledFailureMetric)[keyof typeof handledFailureMetric];

const describe = (error: unknown): { name: string; message: string } =>
  error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) };

/**
 * Leaves the trace of a failure the caller handles without rethrowing: one structured log line
 * with the correlation id and the error, and one count of `metric`.
 *
 * A best-effort step (a cleanup while another error is on its way up, a courtesy lookup) may
 * fail without failing the invocation, but never silently: a lost `Retraining Failed` must show
 * on a dashboard and in the logs of the run it belongs to. `level` is `error` when something the
 * fleet promised was not done, `warn` when only a courtesy was lost.
 */
export const reportHandledFailure = (
  ports: { logger: AppLogger; metrics: AppMetrics },
  failure: {
    metric: HandledFailureMetric;
    message: string;
    correlationId: string;
    error: unknown;
    level?: 'error' | 'warn';
    details?: Record<string, unknown>;
  },
): void => {
  ports.logger[failure.level ?? 'error'](failure.message, {
    correlationId: failure.correlationId,
    metric: failure.metric,
    error: describe(failure.error),
    ...failure.details,
  });
  ports.metrics.addMetric(failure.metric, 'Count', 1);
};
