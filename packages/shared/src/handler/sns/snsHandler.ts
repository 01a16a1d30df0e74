import type { MiddyfiedHandler } from '@middy/core';
import type * as z from 'zod';
import type { FleetHandlerContext } from '../fleetHandler.js';
import { fleetMiddy } from '../fleetMiddy.js';
import { pickCorrelationId } from '../middlewares/correlationId.js';
import { validateEvent } from '../middlewares/validateEvent.js';
import { type SnsRecord, snsEventSchema } from './snsEventSchema.js';

/** What an SNS handler receives besides the message: the fleet context and the record it came in. */
export type SnsHandlerContext<M extends z.ZodType> = FleetHandlerContext & { record: SnsRecord<M> };

/** Options of {@link snsHandler}. */
export type SnsHandlerOptions<M extends z.ZodType> = {
  /** The service name, for example `approval-callback`. */
  service: string;
  /** The schema of each message, once parsed from JSON. */
  message: M;
  /** Finds the correlation id in a message; by default its `correlationId` field. */
  correlationId?: (message: z.output<M>) => string | undefined;
  /** The work, once per record, in order. */
  handler: (message: z.output<M>, ctx: SnsHandlerContext<M>) => Promise<void>;
};

const messageCorrelationId = (message: unknown): unknown =>
  typeof message === 'object' && message !== null ? (message as { correlationId?: unknown }).correlationId : undefined;

/**
 * The correlation id of a raw SNS event, before validation: a `correlationId` message attribute
 * of the first record. The message itself is read after validation, record by record.
 */
const rawCorrelationId = (event: unknown): string | undefined => {
  const value = (event as { Records?: { Sns?: { MessageAttributes?: Record<string, { Value?: unknown }> } }[] })
    ?.Records?.[0]?.Sns?.MessageAttributes?.correlationId?.Value;
  return typeof value === 'string' && value.length > 0 ? value : undefined;
};

/**
 * Wraps a Lambda subscribed to an SNS topic: each record's message is parsed as JSON, validated
 * and handed to the handler with its own correlation id.
 *
 * Same chain as `fleetHandler`. A message that is not JSON or does not match throws a
 * `ValidationError` naming `Records.<i>.Sns.Message.<field>`; a handler failure is logged once
 * with the failing record's correlation id and rethrown. SNS invokes Lambda asynchronously, so
 * rethrowing is what makes Lambda retry and then dead-letter the message instead of losing it.
 * Records are handled in order; SNS delivers one per invocation today.
 */
export const snsHandler = <M extends z.ZodType>(options: SnsHandlerOptions<M>): MiddyfiedHandler<unknown, void> => {
  const { logger, metrics, tracer, chain } = fleetMiddy<unknown, void>({
    service: options.service,
    resolveCorrelationId: rawCorrelationId,
  });
  return chain
    .use(validateEvent({ schema: snsEventSchema(options.message), where: 'SNS event' }))
    .handler(async (event, lambdaContext) => {
      for (const record of (event as { Records: SnsRecord<M>[] }).Records) {
        const message = record.Sns.Message as z.output<M>;
        const correlationId = pickCorrelationId(
          options.correlationId?.(message),
          messageCorrelationId(message),
          record.Sns.MessageAttributes.correlationId?.Value,
          record.Sns.MessageId,
        );
        // Keys appended here are reset after the invocation by injectLambdaContext.
        logger.appendKeys({ correlationId, snsMessageId: record.Sns.MessageId });
        await options.handler(message, { correlationId, logger, metrics, tracer, lambdaContext, record });
      }
    });
};
