import type { AppLogger, AppMetrics } from './ports.js';

/** The metric each failure handled without a rethrow counts, one name per site. */
export const handledFailureMetric = {
  /** The claim of a failed validation could not be marked failed: the retry waits for its lease. */
  claimNotMarkedFailed: 'ValidationClaimReleaseFailed',
} as const;

/** One of the {@link handledFailureMetric} names. */
export type HandledFailureMetric = (typeof handledFailureMetric)[keyof typeof handledFailureMetric];

const describe = (error: unknown): { name: string; message: string } =>
  error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) };

/**
 * Leaves the trace of a failure the use case handles without rethrowing: one structured log
 * line with the correlation id and the error, and one count of `metric`.
 *
 * A cleanup that fails while another error is on its way up must not replace that error, but
 * it must not vanish either: the dashboard counts it and the log of the delivery explains it.
 */
export const reportHandledFailure = (
  ports: { logger: AppLogger; metrics: AppMetrics },
  failure: {
    metric: HandledFailureMetric;
    message: string;
    correlationId: string;
    error: unknown;
    details?: Record<string, unknown>;
  },
): void => {
  ports.logger.error(failure.message, {
    correlationId: failure.correlationId,
    metric: failure.metric,
    error: describe(failure.error),
    ...failure.details,
  });
  ports.metrics.addMetric(failure.metric, 'Count', 1);
};
