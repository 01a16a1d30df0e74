import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod';
import { FleetMetric } from '../../metrics/FleetMetric.js';
import type { FleetHandlerContext } from '../fleetHandler.js';
import { fleetMiddy } from '../fleetMiddy.js';
import { getCorrelationId, pickCorrelationId } from '../middlewares/correlationId.js';
import { validateEvent } from '../middlewares/validateEvent.js';
import { HttpApiEvent } from './HttpApiEvent.js';
import { errorResponse, httpErrorLevel, httpErrorResponse, jsonResponse } from './httpErrorResponse.js';
import { type HttpBodyFormat, type HttpRequest, httpRequestOf } from './httpRequestOf.js';

/** What an HTTP handler returns; an object `body` is sent as JSON. */
export type HttpResult = {
  statusCode: number;
  headers?: Record<string, string>;
  body?: string | Record<string, unknown> | unknown[];
};

/** Options of {@link httpHandler}. */
export type HttpHandlerOptions<B, R extends HttpResult> = {
  /** The service name, for example `approval-callback`. */
  service: string;
  /**
   * Checks the caller before anything is parsed, on the raw request (Slack: the signature over
   * the raw body). Throw an `UnauthorizedError` or `ForbiddenError` to answer 401 or 403.
   */
  authorize?: (request: HttpRequest<undefined>, ctx: FleetHandlerContext) => void | Promise<void>;
  /** The body's schema and format (`json` by default, `form` for URL-encoded); without it `body` is undefined. */
  body?: { schema: z.ZodType<B>; format?: HttpBodyFormat };
  /** The work: receives the request, returns the response. Throw an `HttpError` for a 4xx. */
  handler: (request: HttpRequest<B>, ctx: FleetHandlerContext) => Promise<R>;
};

/** The correlation id of an HTTP request: `x-correlation-id` when the caller sends one, else API Gateway's request id. */
const httpCorrelationId = (event: unknown): string | undefined => {
  const e = event as { headers?: Record<string, unknown>; requestContext?: { requestId?: unknown } } | null;
  const header = e?.headers?.['x-correlation-id'];
  if (typeof header === 'string' && /^[\w.:-]{1,256}$/.test(header)) return header;
  const requestId = e?.requestContext?.requestId;
  return typeof requestId === 'string' && requestId.length > 0 ? requestId : undefined;
};

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

const toResult = (result: HttpResult): APIGatewayProxyStructuredResultV2 =>
  typeof result.body === 'object'
    ? {
        ...jsonResponse(result.statusCode, result.body),
        headers: { 'content-type': 'application/json', ...result.headers },
      }
    : { statusCode: result.statusCode, headers: result.headers, body: result.body };

/**
 * Wraps an HTTP API (payload format 2.0) handler; it never throws, every outcome is a response.
 *
 * Same chain as `fleetHandler` (Powertools, correlation id, one log line per error). Errors
 * become status codes: `HttpError` subclasses their own (`UnauthorizedError` 401,
 * `ForbiddenError` 403, `BadRequestError` 400, `NotFoundError` 404), a `ValidationError` (a
 * malformed event or a body against its schema) 400 listing the bad fields, anything else a
 * generic 500 with the correlation id, logged at `error` (4xx at `warn`). Slack shows an error to
 * the clicker for a thrown error, and API Gateway would answer a bare 500 for bad input.
 *
 * The raw body stays on the request (base64-decoded when `isBase64Encoded`), and `authorize`
 * sees it before any parsing, because Slack signs the bytes it sent.
 *
 * @example
 * export const handler = httpHandler({
 *   service: 'approval-callback',
 *   authorize: (request) => verifySlackSignature(request.rawBody, request.headers, secret),
 *   handler: async (request, ctx) => ({ statusCode: 200, body: await decide(request.rawBody, ctx) }),
 * });
 */
export const httpHandler = <B = undefined, R extends HttpResult = HttpResult>(
  options: HttpHandlerOptions<B, R>,
): ((event: unknown, context: Context) => Promise<APIGatewayProxyStructuredResultV2>) => {
  const { logger, metrics, tracer, chain } = fleetMiddy<unknown, APIGatewayProxyStructuredResultV2>({
    service: options.service,
    resolveCorrelationId: httpCorrelationId,
    errorLevel: httpErrorLevel,
    outermost: [httpErrorResponse({ correlationId: (request) => getCorrelationId(request) ?? 'unknown' })],
  });
  const wrapped = chain
    .use(validateEvent({ schema: HttpApiEvent, where: 'HTTP API event' }))
    .handler(async (event, lambdaContext) => {
      const validated = event as HttpApiEvent;
      const correlationId = pickCorrelationId(httpCorrelationId(validated), lambdaContext?.awsRequestId);
      const ctx = { correlationId, logger, metrics, tracer, lambdaContext };
      await options.authorize?.(httpRequestOf(validated), ctx);
      const body = options.body && { schema: options.body.schema, format: options.body.format ?? 'json' };
      return toResult(await options.handler(httpRequestOf(validated, body), ctx));
    });

  return async (event, context) => {
    try {
      return await wrapped(event, context);
    } catch (error) {
      // Only a failing Powertools onError (a metrics flush, say) gets here: still answer, never throw.
      const correlationId = pickCorrelationId(httpCorrelationId(event), context?.awsRequestId);
      logger.error('HTTP request failed outside the handler; answering 500', { correlationId, error: asError(error) });
      metrics.addMetric(FleetMetric.HttpUnansweredErrors, MetricUnit.Count, 1);
      return errorResponse(error, correlationId);
    }
  };
};
