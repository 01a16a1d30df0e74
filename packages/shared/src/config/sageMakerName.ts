import * as z from 'zod';

/**
 * A SageMaker resource name (endpoint, variant, model package group): `[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}`.
 *
 * The pattern SageMaker documents for these names; checked at cold start so a typo fails with
 * the field's path instead of a `ValidationException` halfway through a deployment.
 */
export const sageMakerName = z
  .string()
  .regex(/^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/, 'expected a SageMaker name: letters, digits and "-", at most 63');
