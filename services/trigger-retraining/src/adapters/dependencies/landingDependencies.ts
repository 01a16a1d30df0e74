import { getFleetConfig, oncePerColdStart } from '@fleet/shared';
import type { TriggerDependencies } from '../../app/TriggerDependencies.js';
import { coreDependencies, type DependencyOptions } from './coreDependencies.js';
import { schedulerFromEnv } from './schedulerFromEnv.js';

/**
 * The dependencies of the functions that debounce dataset landings (`Dataset Validated` and
 * the debounce schedules): the core adapters, the fleet configuration and EventBridge Scheduler.
 *
 * @throws ConfigError naming a missing variable or a bad configuration field
 */
export const landingDependencies = (
  env: NodeJS.ProcessEnv = process.env,
  options: DependencyOptions = {},
): TriggerDependencies => {
  const core = coreDependencies(env, options);
  return { config: getFleetConfig(env), ports: { ...core, scheduler: schedulerFromEnv(env, options.maxAttempts) } };
};

/** The landing dependencies of this function, built once per cold start. */
export const defaultLandingDependencies = oncePerColdStart(() => landingDependencies());
