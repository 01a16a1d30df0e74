import { FleetMetric } from '@fleet/shared';
import type { AppLogger, AppMetrics } from './ports.js';

/** Each step whose failure is handled without a rethrow, as its log line names it. */
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

const describeError = (error: unknown): { name: string; message: string } =>
  error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) };

/**
 * Leaves the trace of a failure the caller handles without rethrowing: one structured log line
 * with the correlation id, the step and the error, and one count of the fleet's
 * `BestEffortFailures` metric.
 *
 * A best-effort step (a cleanup while another error is on its way up, a courtesy lookup) may
 * fail without failing the invocation, but never silently: a lost `Retraining Failed` must show
 * on the dashboard and in the logs of the run it belongs to. `level` is `error` when something
 * the fleet promised was not done, `warn` when only a courtesy was lost.
 */
export const reportHandledFailure = (
  ports: { logger: AppLogger; metrics: AppMetrics },
  failure: {
    step: BestEffortStep;
    message: string;
    correlationId: string;
    error: unknown;
    level?: 'error' | 'warn';
    details?: Record<string, unknown>;
  },
): void => {
  ports.logger[failure.level ?? 'error'](failure.message, {
    correlationId: failure.correlationId,
    step: failure.step,
    error: describeError(failure.error),
    ...failure.details,
  });
  ports.metrics.addMetric(FleetMetric.BestEffortFailures, 'Count', 1);
};
