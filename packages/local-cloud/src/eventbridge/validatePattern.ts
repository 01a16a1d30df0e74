import { compilePattern } from './compilePattern.js';

/**
 * Checks that an event pattern is one EventBridge accepts, without matching anything.
 *
 * Used when loading rules so a malformed pattern in a `serverless.yml` fails at start-up with
 * the same reason PutRule would give at deploy time.
 *
 * @throws InvalidEventPatternError naming the reason and the field.
 */
export const validatePattern = (pattern: unknown): void => {
  compilePattern(pattern);
};
