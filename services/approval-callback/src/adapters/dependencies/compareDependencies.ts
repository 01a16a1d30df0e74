import { getFleetConfig, oncePerColdStart } from '@fleet/shared';
import { coreDependencies, type DependencyOptions } from './coreDependencies.js';
import { evaluationsFromEnv } from './evaluationsFromEnv.js';
import type { FunctionDependencies } from './FunctionDependencies.js';
import { registryFromEnv } from './registryFromEnv.js';

/** The ports of the Compare task. */
export type ComparePortNames = 'store' | 'registry' | 'evaluations' | 'clock' | 'logger';

/**
 * The dependencies of the Compare task: records (deployments), the registry and S3.
 *
 * @throws ConfigError naming a missing variable or a bad configuration field
 */
export const compareDependencies = (
  env: NodeJS.ProcessEnv = process.env,
  options: DependencyOptions = {},
): FunctionDependencies<ComparePortNames> => ({
  config: getFleetConfig(env),
  ports: {
    ...coreDependencies(env, options),
    registry: registryFromEnv(options.maxAttempts),
    evaluations: evaluationsFromEnv(env, options.maxAttempts),
  },
});

/** The Compare dependencies of this function, built once per cold start. */
export const defaultCompareDependencies = oncePerColdStart(() => compareDependencies());
