import type { Logger } from '@aws-lambda-powertools/logger';
import type { MiddlewareObj, Request } from '@middy/core';
import { ValidationError } from '../../errors/ValidationError.js';

/** Options of {@link errorLogger}. */
export type ErrorLoggerOptions = {
  logger: Logger;
  /** The message of the log line; `invocation failed` by default. */
  message?: string;
};

const defaults = { message: 'invocation failed' };

/**
 * Middleware that logs an invocation's error once, with its name, message and cause, and lets
 * it propagate.
 *
 * Logging at one place keeps a failure from appearing three times (domain, adapter, handler)
 * in CloudWatch. A {@link ValidationError} also lists the paths of the bad fields, which is
 * what an operator looks for first. The error is rethrown by middy because this middleware
 * sets no response, so Lambda's retry and dead-letter handling still apply.
 */
export const errorLogger = (options: ErrorLoggerOptions): MiddlewareObj => {
  const { logger, message } = { ...defaults, ...options };

  const errorLoggerOnError = (request: Request): void => {
    const error = request.error;
    if (error == null) return;
    if (error instanceof ValidationError) {
      const fields = error.issues.map((issue) => (issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)'));
      logger.error(message, { error, fields });
      return;
    }
    logger.error(
      message,
      error instanceof Error ? { error } : { error: { name: typeof error, message: String(error) } },
    );
  };

  return { onError: errorLoggerOnError };
};
