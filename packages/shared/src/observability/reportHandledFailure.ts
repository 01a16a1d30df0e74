import { FleetMetric } from '../metrics/FleetMetric.js';

/** The log lines a use case writes for failures it handles (the Powertools Logger fits it). */
export interface FailureLogger {
  error(message: string, attributes: Record<string, unknown>): void;
  warn(message: string, attributes: Record<string, unknown>): void;
}

/** The counters a use case adds (the Powertools Metrics fits it; the handler flushes them). */
export interface FailureMetrics {
  addMetric(name: string, unit: 'Count', value: number): void;
}

/** What failed, where, and for which chain. */
export type HandledFailure = {
  /** The step that failed, in PascalCase (`RunLockReleaseFailed`): the log line's `step`, to search for. */
  step: string;
  message: string;
  correlationId: string;
  error: unknown;
  /** `error` (the default) when something the fleet promised was not done, `warn` when only a courtesy was lost. */
  level?: 'error' | 'warn';
  details?: Record<string, unknown>;
};

const describeError = (error: unknown): { name: string; message: string } =>
  error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) };

/**
 * Leaves the trace of a failure the caller handles without rethrowing: one structured log line
 * with the correlation id, the step and the error, and one count of the fleet's
 * `BestEffortFailures` metric.
 *
 * A best-effort step (a cleanup while another error is on its way up, a courtesy lookup) may fail
 * without failing the invocation, but never silently: a lost `Retraining Failed` must show on the
 * dashboard and in the logs of the chain it belongs to. Every service reports through this one
 * function, so one metric and one log shape cover them all.
 */
export const reportHandledFailure = (
  ports: { logger: FailureLogger; metrics: FailureMetrics },
  failure: HandledFailure,
): void => {
  ports.logger[failure.level ?? 'error'](failure.message, {
    correlationId: failure.correlationId,
    step: failure.step,
    error: describeError(failure.error),
    ...failure.details,
  });
  ports.metrics.addMetric(FleetMetric.BestEffortFailures, 'Count', 1);
};
