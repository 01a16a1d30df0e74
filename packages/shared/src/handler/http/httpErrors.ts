/**
 * An error a handler throws to answer an HTTP request with a 4xx status instead of a 500.
 *
 * The message is what the caller reads in the response body, so it must say what was wrong
 * with the request and nothing about the system. Every HTTP error of the fleet derives from it.
 */
export class HttpError extends Error {
  readonly statusCode: number;

  constructor(statusCode: number, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'HttpError';
    this.statusCode = statusCode;
  }
}

/** 400: the request cannot be read (malformed JSON, a missing form field). */
export class BadRequestError extends HttpError {
  constructor(message = 'bad request', options?: ErrorOptions) {
    super(400, message, options);
    this.name = 'BadRequestError';
  }
}

/** 401: the caller could not be authenticated (a missing or wrong Slack signature, a stale timestamp). */
export class UnauthorizedError extends HttpError {
  constructor(message = 'unauthorized', options?: ErrorOptions) {
    super(401, message, options);
    this.name = 'UnauthorizedError';
  }
}

/** 403: the caller is known but may not do this (an expired or tampered report link). */
export class ForbiddenError extends HttpError {
  constructor(message = 'forbidden', options?: ErrorOptions) {
    super(403, message, options);
    this.name = 'ForbiddenError';
  }
}

/** 404: nothing answers at this route or key. */
export class NotFoundError extends HttpError {
  constructor(message = 'not found', options?: ErrorOptions) {
    super(404, message, options);
    this.name = 'NotFoundError';
  }
}
