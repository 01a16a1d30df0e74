import type { MiddlewareObj, Request } from '@middy/core';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ValidationError } from '../../errors/ValidationError.js';
import type { ErrorLogLevel } from '../middlewares/errorLogger.js';
import { HttpError } from './httpErrors.js';

/** The status an error is answered with: its own for an {@link HttpError}, 400 for a {@link ValidationError}, else 500. */
export const httpStatusOf = (error: unknown): number =>
  error instanceof HttpError ? error.statusCode : error instanceof ValidationError ? 400 : 500;

/** `warn` for a caller's mistake (4xx), `error` for the fleet's own (5xx). */
export const httpErrorLevel = (error: unknown): ErrorLogLevel => (httpStatusOf(error) < 500 ? 'warn' : 'error');

/** A JSON response with the given status and body. */
export const jsonResponse = (statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/**
 * The response for an error: a 4xx says what was wrong with the request (a validation error
 * lists the bad fields' paths, never their values); anything else is a generic 500 naming only
 * the correlation id, so no stack or system detail reaches the caller.
 */
export const errorResponse = (error: unknown, correlationId: string): APIGatewayProxyStructuredResultV2 => {
  const status = httpStatusOf(error);
  if (error instanceof ValidationError) {
    const fields = error.issues.map((issue) => (issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)'));
    return jsonResponse(status, { message: `invalid ${error.where}`, fields });
  }
  if (error instanceof HttpError) return jsonResponse(status, { message: error.message });
  return jsonResponse(500, { message: 'internal error', correlationId });
};

/** Options of {@link httpErrorResponse}. */
export type HttpErrorResponseOptions = {
  /** The correlation id of the request, for the 500 body. */
  correlationId: (request: Request) => string;
};

/**
 * Middleware that answers every error with a status code instead of letting it reach Lambda.
 *
 * Used outermost, so its `onError` runs after the error is logged and metrics are flushed. An
 * HTTP API turns a thrown error into a bare 500, and Slack shows the clicker an error for any
 * non-200; answering here keeps bad input a 400 and a forged signature a 401.
 */
export const httpErrorResponse = (options: HttpErrorResponseOptions): MiddlewareObj => {
  const httpErrorResponseOnError = (request: Request): void => {
    request.response = errorResponse(request.error, options.correlationId(request));
  };
  return { onError: httpErrorResponseOnError };
};
