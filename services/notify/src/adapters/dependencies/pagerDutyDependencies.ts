import { oncePerColdStart } from '@fleet/shared';
import type { PagerDutyPorts } from '../../app/ports.js';
import { PagerDutyEventsApi } from '../PagerDutyEventsApi.js';
import { coreDependencies, type DependencyOptions } from './coreDependencies.js';

/**
 * The dependencies of the PagerDuty function: the core ports and the Events API v2 at
 * `PAGERDUTY_EVENTS_URL` (default https://events.pagerduty.com).
 *
 * @throws ConfigError naming a missing variable or a bad configuration field
 */
export const pagerDutyDependencies = (
  env: NodeJS.ProcessEnv = process.env,
  options: DependencyOptions = {},
): PagerDutyPorts => ({
  ...coreDependencies(env, options),
  pagerduty: new PagerDutyEventsApi({ baseUrl: env.PAGERDUTY_EVENTS_URL || undefined }),
});

/** The PagerDuty dependencies of this function, built once per cold start. */
export const defaultPagerDutyDependencies = oncePerColdStart(() => pagerDutyDependencies());
