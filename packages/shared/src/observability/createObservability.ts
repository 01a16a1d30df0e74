import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

/** The CloudWatch metrics namespace every fleet service publishes to. */
export const METRICS_NAMESPACE = 'fleet';

/** The Powertools logger, metrics and tracer of one service. */
export type Observability = { logger: Logger; metrics: Metrics; tracer: Tracer };

const instances = new Map<string, Observability>();

/**
 * Returns the Powertools logger, metrics and tracer of a service, created once per service name.
 *
 * Memoised because Powertools keeps per-instance state (cold start, buffered metrics, appended
 * keys): a handler and the adapters it builds must share one set, or metrics are flushed twice
 * and log keys go missing. Log level, sampling and tracing follow the usual `POWERTOOLS_*`
 * environment variables; outside Lambda the tracer is disabled, so it never needs X-Ray.
 *
 * @example
 * const { logger, metrics } = createObservability('trigger-retraining');
 */
export const createObservability = (serviceName: string): Observability => {
  let observability = instances.get(serviceName);
  if (observability === undefined) {
    const logger = new Logger({ serviceName });
    observability = {
      logger,
      // Metrics' own warnings (such as "no metrics to publish") go through the logger and its level.
      metrics: new Metrics({ namespace: METRICS_NAMESPACE, serviceName, logger }),
      tracer: new Tracer({ serviceName }),
    };
    instances.set(serviceName, observability);
  }
  return observability;
};
