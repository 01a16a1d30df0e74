import * as z from 'zod';
import { ValidationError } from '../errors/ValidationError.js';

/**
 * Decodes an object key as S3 puts it in an event: URL-encoded, with spaces as `+`.
 *
 * S3 documents this for its notifications (`red flower.jpg` arrives as `red+flower.jpg`, a
 * literal `+` as `%2B`); events delivered through EventBridge carry the key the same way. Every
 * consumer decodes here, in one place, before calling S3 with the key.
 *
 * @throws ValidationError naming `detail.object.key` when the key has a malformed `%` escape
 * @example
 * decodeS3Key('raw/churn/red+flower%2B%3A%C3%A9.csv') // 'raw/churn/red flower+:é.csv'
 */
export const decodeS3Key = (key: string): string => {
  try {
    return decodeURIComponent(key.replace(/\+/g, ' '));
  } catch (error) {
    const issue = {
      code: 'custom' as const,
      path: ['detail', 'object', 'key'],
      message: 'malformed URL encoding',
      input: key,
    };
    throw new ValidationError('S3 object key', new z.ZodError([issue]), { cause: error });
  }
};
