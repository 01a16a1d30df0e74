import type * as z from 'zod';
import { ValidationError } from '../../errors/ValidationError.js';
import type { HttpApiEvent } from './HttpApiEvent.js';
import { BadRequestError } from './httpErrors.js';

/** How the body is read before its schema sees it. */
export type HttpBodyFormat = 'json' | 'form';

/** What an HTTP handler receives: the request with its raw body kept. */
export type HttpRequest<B = undefined> = {
  method: string;
  path: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  query: Record<string, string>;
  pathParameters: Record<string, string>;
  /**
   * The body exactly as sent, base64-decoded when API Gateway encoded it: signatures (Slack's
   * HMAC) are computed over these bytes, never over a re-serialised parse.
   */
  rawBody: string;
  /** The body parsed and validated by the handler's schema; `undefined` without one. */
  body: B;
  event: HttpApiEvent;
};

/** Reads the raw body of a validated event, decoding base64 when API Gateway says so. */
export const rawBodyOf = (event: HttpApiEvent): string =>
  event.body === undefined
    ? ''
    : event.isBase64Encoded
      ? Buffer.from(event.body, 'base64').toString('utf8')
      : event.body;

/** Parses a body as JSON or as a form; a body that is not what it claims is a {@link BadRequestError}. */
const parseBody = (rawBody: string, format: HttpBodyFormat): unknown => {
  if (format === 'form') return Object.fromEntries(new URLSearchParams(rawBody));
  if (rawBody.length === 0) return undefined;
  try {
    return JSON.parse(rawBody);
  } catch (error) {
    throw new BadRequestError('body is not valid JSON', { cause: error });
  }
};

/**
 * Builds the {@link HttpRequest} a handler sees, parsing and validating the body when a schema
 * is given.
 *
 * @throws BadRequestError when the body is not valid JSON
 * @throws ValidationError naming each bad field of the body (answered with 400)
 */
export const httpRequestOf = <B>(
  event: HttpApiEvent,
  body?: { schema: z.ZodType<B>; format: HttpBodyFormat },
): HttpRequest<B> => {
  const rawBody = rawBodyOf(event);
  let parsed: B = undefined as B;
  if (body !== undefined) {
    const result = body.schema.safeParse(parseBody(rawBody, body.format));
    if (!result.success) throw new ValidationError('request body', result.error as z.ZodError);
    parsed = result.data;
  }
  return {
    method: event.requestContext.http.method,
    path: event.rawPath,
    headers: event.headers,
    query: event.queryStringParameters,
    pathParameters: event.pathParameters,
    rawBody,
    body: parsed,
    event,
  };
};
