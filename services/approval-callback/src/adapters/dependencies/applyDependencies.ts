import { getFleetConfig, oncePerColdStart } from '@fleet/shared';
import { eventsFromEnv } from './clients.js';
import { coreDependencies, type DependencyOptions } from './coreDependencies.js';
import type { FunctionDependencies } from './FunctionDependencies.js';
import { registryFromEnv } from './registryFromEnv.js';

/** The ports of the Apply and Expire tasks. */
export type ApplyPortNames = 'store' | 'registry' | 'events' | 'clock' | 'metrics';

/**
 * The dependencies of the Apply and Expire tasks: records, the registry and the bus.
 *
 * @throws ConfigError naming a missing variable or a bad configuration field
 */
export const applyDependencies = (
  env: NodeJS.ProcessEnv = process.env,
  options: DependencyOptions = {},
): FunctionDependencies<ApplyPortNames> => ({
  config: getFleetConfig(env),
  ports: {
    ...coreDependencies(env, options),
    registry: registryFromEnv(options.maxAttempts),
    events: eventsFromEnv(env, options.maxAttempts),
  },
});

/** The Apply/Expire dependencies of this function, built once per cold start. */
export const defaultApplyDependencies = oncePerColdStart(() => applyDependencies());
