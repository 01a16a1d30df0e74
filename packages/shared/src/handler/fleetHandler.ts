import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { MiddyfiedHandler } from '@middy/core';
import type { Context } from 'aws-lambda';
import type * as z from 'zod';
import { fleetMiddy } from './fleetMiddy.js';
import { defaultCorrelationId, pickCorrelationId } from './middlewares/correlationId.js';
import { validateEvent } from './middlewares/validateEvent.js';

/** What a fleet handler receives besides its validated event. */
export type FleetHandlerContext = {
  /** The id of the event that started the chain; put it in every event and record. */
  correlationId: string;
  logger: Logger;
  metrics: Metrics;
  tracer: Tracer;
  lambdaContext: Context;
};

/** Options of {@link fleetHandler}. */
export type FleetHandlerOptions<S extends z.ZodType, R> = {
  /** The service name, for example `trigger-retraining`; names the logger, metrics and traces. */
  service: string;
  /** The schema of the incoming event. */
  schema: S;
  /**
   * Finds the correlation id in a validated event. By default `detail.correlationId`, then the
   * event `id`, then the Lambda request id.
   */
  correlationId?: (event: z.output<S>) => string | undefined;
  /** The domain work: receives the validated event. */
  handler: (event: z.output<S>, ctx: FleetHandlerContext) => Promise<R>;
};

/**
 * Wraps a fleet Lambda handler in middy with validation, correlation ids and Powertools.
 *
 * The event is validated before the handler runs; a bad event throws a `ValidationError`
 * naming the fields, so asynchronous invocations are retried and then dead-lettered instead of
 * silently dropped. Every log line of the invocation carries `correlationId`, appended keys are
 * reset afterwards, metrics are flushed (with a cold-start metric), the handler is traced when
 * running in Lambda, and any error is logged once with its name, message and cause and rethrown.
 *
 * @example
 * export const handler = fleetHandler({
 *   service: 'trigger-retraining',
 *   schema: fleetEventSchema('Dataset Validated'),
 *   handler: async (event, { correlationId }) => startRetraining(event.detail, correlationId),
 * });
 */
export const fleetHandler = <S extends z.ZodType, R>(
  options: FleetHandlerOptions<S, R>,
): MiddyfiedHandler<unknown, R> => {
  const { logger, metrics, tracer, chain } = fleetMiddy<unknown, R>({ service: options.service });
  return chain.use(validateEvent({ schema: options.schema })).handler(async (event, lambdaContext) => {
    const validated = event as z.output<S>;
    // The middleware already tagged the logs from the raw event; the resolver sees the validated one.
    const id = pickCorrelationId(
      options.correlationId?.(validated),
      defaultCorrelationId(validated),
      lambdaContext?.awsRequestId,
    );
    logger.appendKeys({ correlationId: id });
    return options.handler(validated, { correlationId: id, logger, metrics, tracer, lambdaContext });
  });
};
