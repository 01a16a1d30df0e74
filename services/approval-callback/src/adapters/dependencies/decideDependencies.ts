import { oncePerColdStart } from '@fleet/shared';
import type { ApprovalPorts } from '../../app/ApprovalPorts.js';
import { coreDependencies, type DependencyOptions } from './coreDependencies.js';
import { workflowFromEnv } from './workflowFromEnv.js';

/** The ports of `decide`. */
export type DecidePortNames = 'store' | 'workflow' | 'clock' | 'logger' | 'metrics';

/**
 * The dependencies of `decide`: records and the state machine; no configuration (IAM authorises).
 *
 * @throws ConfigError naming a missing variable
 */
export const decideDependencies = (
  env: NodeJS.ProcessEnv = process.env,
  options: DependencyOptions = {},
): { ports: Pick<ApprovalPorts, DecidePortNames> } => ({
  ports: { ...coreDependencies(env, options), workflow: workflowFromEnv(env, options.maxAttempts) },
});

/** The decide dependencies of this function, built once per cold start. */
export const defaultDecideDependencies = oncePerColdStart(() => decideDependencies());
