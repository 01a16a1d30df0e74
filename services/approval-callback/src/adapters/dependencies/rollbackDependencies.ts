import { getFleetConfig, type LoadedFleetConfig, oncePerColdStart } from '@fleet/shared';
import type { RollbackPorts } from '../../app/deploy/rollback.js';
import { type DependencyOptions, defaultMaxAttempts } from './coreDependencies.js';
import { storeFromEnv } from './deployDependencies.js';
import { workflowFromEnv } from './workflowFromEnv.js';

/**
 * The dependencies of `rollback`: the configuration, the deployment records (the champions, the
 * endpoint's lease, the pause switch) and the approval state machine.
 *
 * @throws ConfigError naming a missing variable or a bad configuration field
 */
export const rollbackDependencies = (
  env: NodeJS.ProcessEnv = process.env,
  options: DependencyOptions = {},
): { config: LoadedFleetConfig; ports: RollbackPorts } => {
  const maxAttempts = options.maxAttempts ?? defaultMaxAttempts;
  return {
    config: getFleetConfig(env),
    ports: {
      store: storeFromEnv(env, maxAttempts),
      workflow: workflowFromEnv(env, maxAttempts),
      clock: options.clock ?? { now: () => new Date() },
    },
  };
};

/** The rollback dependencies of this function, built once per cold start. */
export const defaultRollbackDependencies = oncePerColdStart(() => rollbackDependencies());
