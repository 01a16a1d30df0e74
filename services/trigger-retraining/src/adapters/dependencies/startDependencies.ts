import { getFleetConfig, oncePerColdStart } from '@fleet/shared';
import type { TriggerDependencies } from '../../app/TriggerDependencies.js';
import { coreDependencies, type DependencyOptions } from './coreDependencies.js';
import { unavailableScheduler } from './unavailableScheduler.js';

/**
 * The dependencies of the functions that start runs but never debounce (schedule ticks, drift,
 * manual starts): the core adapters and the fleet configuration, no Scheduler client.
 *
 * Reads the configuration through `FLEET_CONFIG_FILE` and `FLEET_STAGE`.
 *
 * @throws ConfigError naming a missing variable or a bad configuration field
 */
export const startDependencies = (
  env: NodeJS.ProcessEnv = process.env,
  options: DependencyOptions = {},
): TriggerDependencies => ({
  config: getFleetConfig(env),
  ports: {
    ...coreDependencies(env, options),
    // Only a dataset landing debounces, and these functions receive none.
    scheduler: unavailableScheduler('this function never debounces: dataset landings go to datasetValidated'),
  },
});

/** The start dependencies of this function, built once per cold start. */
export const defaultStartDependencies = oncePerColdStart(() => startDependencies());
