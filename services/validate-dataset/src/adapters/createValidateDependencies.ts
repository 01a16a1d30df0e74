import { oncePerColdStart } from '@fleet/shared';
import type { ValidationPorts } from '../app/ports.js';
import { createValidationPorts } from './createValidationPorts.js';

/** What the `validate` function needs: the ports of the use case and the bucket read by default. */
export type ValidateDependencies = {
  ports: ValidationPorts;
  /** `DATA_BUCKET`: the bucket a direct invocation reads when it names none. */
  dataBucket?: string;
};

/**
 * Builds the dependencies of the `validate` function, and only those: the use case's ports and
 * `DATA_BUCKET` (optional: a request may name its bucket).
 *
 * @throws ConfigError naming a missing variable, a bad configuration field or a bad contract
 */
export const createValidateDependencies = (
  env: NodeJS.ProcessEnv = process.env,
  options: { maxAttempts?: number } = {},
): ValidateDependencies => ({
  ports: createValidationPorts(env, options),
  dataBucket: env.DATA_BUCKET || undefined,
});

/** The dependencies of the `validate` function, built once per cold start. */
export const validateDependencies = oncePerColdStart(() => createValidateDependencies());
