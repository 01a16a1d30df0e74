import { oncePerColdStart } from '@fleet/shared';
import type { ApprovalPorts } from '../../app/ApprovalPorts.js';
import { eventsFromEnv } from './clients.js';
import { coreDependencies, type DependencyOptions } from './coreDependencies.js';

/** The ports of `requestApproval`. */
export type RequestPortNames = 'store' | 'events' | 'clock' | 'logger' | 'metrics';

/**
 * The dependencies of `requestApproval`: records and the bus; no configuration.
 *
 * @throws ConfigError naming a missing variable
 */
export const requestDependencies = (
  env: NodeJS.ProcessEnv = process.env,
  options: DependencyOptions = {},
): { ports: Pick<ApprovalPorts, RequestPortNames> } => ({
  ports: { ...coreDependencies(env, options), events: eventsFromEnv(env, options.maxAttempts) },
});

/** The request dependencies of this function, built once per cold start. */
export const defaultRequestDependencies = oncePerColdStart(() => requestDependencies());
