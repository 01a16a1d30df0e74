import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy, { type MiddlewareObj, type MiddyfiedHandler } from '@middy/core';
import { createObservability, type Observability } from '../observability/createObservability.js';
import { correlationId } from './middlewares/correlationId.js';
import { type ErrorLogLevel, errorLogger } from './middlewares/errorLogger.js';

/** Options of {@link fleetMiddy}. */
export type FleetMiddyOptions = {
  /** The service name; names the logger, metrics and traces. */
  service: string;
  /** Finds the correlation id in the raw event; see the `correlationId` middleware. */
  resolveCorrelationId?: (event: unknown) => string | undefined;
  /** The level an error is logged at; `error` by default. */
  errorLevel?: (error: unknown) => ErrorLogLevel;
  /**
   * Middlewares placed before the Powertools ones: their `onError` runs last, after the logs
   * are written and the metrics flushed (the HTTP variant turns the error into a response there).
   */
  outermost?: MiddlewareObj[];
};

/**
 * The middy chain every fleet handler variant starts from: Powertools logger context, metrics
 * (with a cold-start metric), tracing, the correlation id on every log line, and one log line
 * per error.
 *
 * One chain, so the EventBridge, HTTP, SNS and Step Functions variants differ only in how they
 * read their event and what they do with an error. The order matters: `onError` runs in reverse,
 * so the error is logged while the correlation id is still set, then keys are reset.
 */
export const fleetMiddy = <E, R>(options: FleetMiddyOptions): Observability & { chain: MiddyfiedHandler<E, R> } => {
  const observability = createObservability(options.service);
  const { logger, metrics, tracer } = observability;
  const chain = middy<E, R>();
  for (const middleware of options.outermost ?? []) chain.use(middleware);
  // The correlation id wraps the metrics flush, so what it logs (an empty flush's warning, say)
  // carries the id too: every log line of the invocation has it.
  chain
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(correlationId({ logger, resolve: options.resolveCorrelationId }))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .use(captureLambdaHandler(tracer))
    .use(errorLogger({ logger, level: options.errorLevel }));
  return { ...observability, chain };
};
