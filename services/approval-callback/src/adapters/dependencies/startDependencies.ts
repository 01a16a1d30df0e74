import { getFleetConfig, oncePerColdStart } from '@fleet/shared';
import { eventsFromEnv } from './clients.js';
import { coreDependencies, type DependencyOptions } from './coreDependencies.js';
import type { FunctionDependencies } from './FunctionDependencies.js';
import { workflowFromEnv } from './workflowFromEnv.js';

/** The ports of `startApproval`. */
export type StartPortNames = 'store' | 'workflow' | 'events' | 'clock' | 'logger' | 'metrics';

/**
 * The dependencies of `startApproval`: records, the state machine, the bus and the configuration.
 *
 * Reads `RECORDS_TABLE_NAME`, `EVENT_BUS_NAME`, `APPROVAL_STATE_MACHINE_ARN`, `FLEET_CONFIG_FILE`
 * and `FLEET_STAGE`.
 *
 * @throws ConfigError naming a missing variable or a bad configuration field
 */
export const startDependencies = (
  env: NodeJS.ProcessEnv = process.env,
  options: DependencyOptions = {},
): FunctionDependencies<StartPortNames> => ({
  config: getFleetConfig(env),
  ports: {
    ...coreDependencies(env, options),
    workflow: workflowFromEnv(env, options.maxAttempts),
    events: eventsFromEnv(env, options.maxAttempts),
  },
});

/** The start dependencies of this function, built once per cold start. */
export const defaultStartDependencies = oncePerColdStart(() => startDependencies());
