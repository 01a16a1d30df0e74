import type { z } from 'zod';
import { formatZodIssues } from './formatZodIssues.js';

/**
 * Thrown when an event, a request or a record does not match its schema.
 *
 * `where` names what was being validated (for example `event "Dataset Validated"`), and the
 * message lists each bad field by its path.
 */
export class ValidationError extends Error {
  readonly where: string;
  readonly issues: z.core.$ZodIssue[];

  constructor(where: string, error: z.ZodError, options?: ErrorOptions) {
    super(`${where} is invalid: ${formatZodIssues(error)}`, options);
    this.name = 'ValidationError';
    this.where = where;
    this.issues = error.issues;
  }
}
