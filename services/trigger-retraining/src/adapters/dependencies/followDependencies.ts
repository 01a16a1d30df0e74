import { oncePerColdStart } from '@fleet/shared';
import { type CorePorts, coreDependencies, type DependencyOptions } from './coreDependencies.js';

/** What the function that follows executions needs: the core ports, and no configuration. */
export type FollowDependencies = { ports: CorePorts };

/**
 * The dependencies of the function that follows SageMaker's status changes: the core adapters
 * only. It reads no configuration (the execution pointer says everything) and never debounces.
 *
 * @throws ConfigError naming a missing variable
 */
export const followDependencies = (
  env: NodeJS.ProcessEnv = process.env,
  options: DependencyOptions = {},
): FollowDependencies => ({ ports: coreDependencies(env, options) });

/** The follow dependencies of this function, built once per cold start. */
export const defaultFollowDependencies = oncePerColdStart(() => followDependencies());
