import type { Logger } from '@aws-lambda-powertools/logger';
import type { MiddlewareObj, Request } from '@middy/core';

/** Options of {@link correlationId}. */
export type CorrelationIdOptions = {
  logger: Logger;
  /** Finds the correlation id in an event; the default reads `detail.correlationId`, then `id`. */
  resolve?: (event: unknown) => string | undefined;
};

/** The key under which the correlation id of an invocation is kept in `request.internal`. */
export const CORRELATION_ID_KEY = 'fleetCorrelationId';

const nonEmpty = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

/**
 * Reads the correlation id an event carries: `detail.correlationId` of a fleet event, else the
 * EventBridge event `id` (so the first event of a chain starts it).
 */
export const defaultCorrelationId = (event: unknown): string | undefined => {
  if (typeof event !== 'object' || event === null) return undefined;
  const { detail, id } = event as { detail?: unknown; id?: unknown };
  const fromDetail =
    typeof detail === 'object' && detail !== null
      ? nonEmpty((detail as { correlationId?: unknown }).correlationId)
      : undefined;
  return fromDetail ?? nonEmpty(id);
};

/**
 * Returns the first non-empty candidate, or `unknown`.
 *
 * Every handler variant picks its invocation's correlation id this way (its own resolver, then
 * what the event carries, then the Lambda request id), so no invocation is left without one.
 */
export const pickCorrelationId = (...candidates: unknown[]): string => {
  for (const candidate of candidates) {
    const id = nonEmpty(candidate);
    if (id !== undefined) return id;
  }
  return 'unknown';
};

/** Returns the correlation id set by {@link correlationId} for this request. */
export const getCorrelationId = (request: Request): string | undefined =>
  nonEmpty((request.internal as Record<string, unknown>)[CORRELATION_ID_KEY]);

/**
 * Middleware that finds the invocation's correlation id and adds it to every log line.
 *
 * It falls back to the Lambda request id, so every invocation has one. A resolver that throws
 * on a malformed event is ignored here: validation runs next and reports the real problem.
 * The key is removed again after the invocation so it cannot leak into the next one.
 */
export const correlationId = (options: CorrelationIdOptions): MiddlewareObj => {
  const { logger } = options;
  const resolve = options.resolve ?? defaultCorrelationId;

  const correlationIdBefore = (request: Request): void => {
    let id: string | undefined;
    try {
      id = nonEmpty(resolve(request.event));
    } catch {
      id = undefined;
    }
    id ??= defaultCorrelationId(request.event) ?? nonEmpty(request.context?.awsRequestId) ?? 'unknown';
    (request.internal as Record<string, unknown>)[CORRELATION_ID_KEY] = id;
    logger.appendKeys({ correlationId: id });
  };

  const correlationIdCleanup = (): void => {
    logger.removeKeys(['correlationId']);
  };

  return { before: correlationIdBefore, after: correlationIdCleanup, onError: correlationIdCleanup };
};
