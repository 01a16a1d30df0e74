import type { MiddlewareObj, Request } from '@middy/core';
import type * as z from 'zod';
import { ValidationError } from '../../errors/ValidationError.js';

/** Options of {@link validateEvent}. */
export type ValidateEventOptions = {
  /** The schema the incoming event must match. */
  schema: z.ZodType;
  /** Names what is validated in the error message; `event` by default. */
  where?: string;
};

const defaults = { where: 'event' };

/**
 * Middleware that parses the incoming event with a zod schema and replaces it with the result.
 *
 * A mismatch throws a {@link ValidationError} naming each bad field. Throwing (instead of
 * returning an error response) is deliberate: an asynchronous invocation then goes through
 * Lambda's retries to the dead-letter queue, where the event can be inspected and replayed.
 */
export const validateEvent = (options: ValidateEventOptions): MiddlewareObj => {
  const { schema, where } = { ...defaults, ...options };

  const validateEventBefore = (request: Request): void => {
    const result = schema.safeParse(request.event);
    if (!result.success) throw new ValidationError(where, result.error);
    request.event = result.data;
  };

  return { before: validateEventBefore };
};
