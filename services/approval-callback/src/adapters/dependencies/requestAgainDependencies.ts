import { getFleetConfig, oncePerColdStart } from '@fleet/shared';
import { eventsFromEnv } from './clients.js';
import { coreDependencies, type DependencyOptions } from './coreDependencies.js';
import type { FunctionDependencies } from './FunctionDependencies.js';
import { registryFromEnv } from './registryFromEnv.js';
import { workflowFromEnv } from './workflowFromEnv.js';

/** The ports of `requestAgain`. */
export type RequestAgainPortNames = 'store' | 'registry' | 'workflow' | 'events' | 'clock' | 'logger' | 'metrics';

/**
 * The dependencies of `requestAgain`: those of `startApproval` and the Model Registry.
 *
 * @throws ConfigError naming a missing variable or a bad configuration field
 */
export const requestAgainDependencies = (
  env: NodeJS.ProcessEnv = process.env,
  options: DependencyOptions = {},
): FunctionDependencies<RequestAgainPortNames> => ({
  config: getFleetConfig(env),
  ports: {
    ...coreDependencies(env, options),
    registry: registryFromEnv(options.maxAttempts),
    workflow: workflowFromEnv(env, options.maxAttempts),
    events: eventsFromEnv(env, options.maxAttempts),
  },
});

/** The requestAgain dependencies of this function, built once per cold start. */
export const defaultRequestAgainDependencies = oncePerColdStart(() => requestAgainDependencies());
