import type { MiddlewareObj, Request } from '@middy/core';
import { TaskFailedError } from './TaskFailedError.js';

/**
 * Middleware that gives every error a Step Functions task throws a name a `Catch` can match.
 *
 * An error with a name of its own (`ValidationError`, a domain error, an SDK error such as
 * `ThrottlingException`) passes unchanged; a plain `Error` or a thrown non-error becomes a
 * {@link TaskFailedError} with the original as its cause.
 */
export const taskErrorName = (): MiddlewareObj => {
  const taskErrorNameOnError = (request: Request): void => {
    const error: unknown = request.error;
    if (error instanceof Error && error.name !== 'Error' && error.name.length > 0) return;
    const message = error instanceof Error ? error.message : String(error);
    request.error = new TaskFailedError(message, { cause: error });
  };
  return { onError: taskErrorNameOnError };
};
