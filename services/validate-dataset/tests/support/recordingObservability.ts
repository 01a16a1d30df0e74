import type { AppLogger, AppMetrics } from '../../src/app/ports.js';

/** One structured log line a use case wrote. */
export type LoggedLine = { level: 'error' | 'warn'; message: string; attributes: Record<string, unknown> };

/** One metric a use case counted. */
export type CountedMetric = { name: string; unit: string; value: number };

/** A logger and metrics that keep what they are given, so a test can assert a failure left a trace. */
export const recordingObservability = () => {
  const lines: LoggedLine[] = [];
  const counted: CountedMetric[] = [];
  const logger: AppLogger = {
    error: (message, attributes) => {
      lines.push({ level: 'error', message, attributes });
    },
    warn: (message, attributes) => {
      lines.push({ level: 'warn', message, attributes });
    },
  };
  const metrics: AppMetrics = {
    addMetric: (name, unit, value) => {
      counted.push({ name, unit, value });
    },
  };
  return { logger, metrics, lines, counted };
};
