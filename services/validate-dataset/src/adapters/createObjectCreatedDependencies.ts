import { oncePerColdStart } from '@fleet/shared';
import type { ValidationPorts } from '../app/ports.js';
import { createValidationPorts } from './createValidationPorts.js';

/** What the `objectCreated` function needs: the ports of the use case (the event names the bucket). */
export type ObjectCreatedDependencies = { ports: ValidationPorts };

/**
 * Builds the dependencies of the `objectCreated` function, and only those.
 *
 * @throws ConfigError naming a missing variable, a bad configuration field or a bad contract
 */
export const createObjectCreatedDependencies = (
  env: NodeJS.ProcessEnv = process.env,
  options: { maxAttempts?: number } = {},
): ObjectCreatedDependencies => ({ ports: createValidationPorts(env, options) });

/** The dependencies of the `objectCreated` function, built once per cold start. */
export const objectCreatedDependencies = oncePerColdStart(() => createObjectCreatedDependencies());
