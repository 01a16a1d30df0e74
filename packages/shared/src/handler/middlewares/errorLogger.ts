import type { Logger } from '@aws-lambda-powertools/logger';
import type { MiddlewareObj, Request } from '@middy/core';
import { ValidationError } from '../../errors/ValidationError.js';

/** The level an error is logged at: `error` for failures, `warn` for a caller's bad request. */
export type ErrorLogLevel = 'error' | 'warn';

/** Options of {@link errorLogger}. */
export type ErrorLoggerOptions = {
  logger: Logger;
  /** The message of the log line; `invocation failed` by default. */
  message?: string;
  /**
   * Chooses the level per error; `error` for every error by default. The HTTP variant logs a
   * 4xx at `warn`: a forged Slack request is the caller's problem, not an alarm.
   */
  level?: (error: unknown) => ErrorLogLevel;
};

const defaults = { message: 'invocation failed', level: (): ErrorLogLevel => 'error' };

/**
 * Logs one error with its name, message and cause; a {@link ValidationError} also lists the
 * paths of the bad fields, which is what an operator looks for first.
 *
 * Exported for the places that log an error outside middy's onError stack.
 */
export const logError = (logger: Logger, message: string, error: unknown, level: ErrorLogLevel = 'error'): void => {
  if (error instanceof ValidationError) {
    const fields = error.issues.map((issue) => (issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)'));
    logger[level](message, { error, fields });
    return;
  }
  logger[level](
    message,
    error instanceof Error ? { error } : { error: { name: typeof error, message: String(error) } },
  );
};

/**
 * Middleware that logs an invocation's error once, with its name, message and cause, and lets
 * it propagate.
 *
 * Logging at one place keeps a failure from appearing three times (domain, adapter, handler)
 * in CloudWatch. The error is rethrown by middy because this middleware sets no response, so
 * Lambda's retry and dead-letter handling still apply.
 */
export const errorLogger = (options: ErrorLoggerOptions): MiddlewareObj => {
  const { logger } = options;
  const message = options.message ?? defaults.message;
  const level = options.level ?? defaults.level;

  const errorLoggerOnError = (request: Request): void => {
    const error = request.error;
    if (error == null) return;
    logError(logger, message, error, level(error));
  };

  return { onError: errorLoggerOnError };
};
