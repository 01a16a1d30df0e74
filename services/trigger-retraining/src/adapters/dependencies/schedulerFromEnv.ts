import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { createObservability } from '@fleet/shared';
import type { DebounceScheduler } from '../../app/ports.js';
import { SchedulerDebounceScheduler } from '../SchedulerDebounceScheduler.js';
import { defaultMaxAttempts, requiredEnv } from './coreDependencies.js';
import { serviceName } from './serviceName.js';
import { unavailableScheduler } from './unavailableScheduler.js';

const schedulerVariables = ['SCHEDULE_GROUP', 'SCHEDULER_TARGET_ARN', 'SCHEDULER_ROLE_ARN'] as const;

/**
 * Builds the EventBridge Scheduler adapter of the debounce windows from `SCHEDULE_GROUP`,
 * `SCHEDULER_TARGET_ARN`, `SCHEDULER_ROLE_ARN` and `SCHEDULER_DEAD_LETTER_ARN` (optional).
 *
 * When a required variable is missing the scheduler explains which on its first use, so a
 * deployment without debouncing still starts runs that need none.
 */
export const schedulerFromEnv = (env: NodeJS.ProcessEnv, maxAttempts = defaultMaxAttempts): DebounceScheduler => {
  const missing = schedulerVariables.filter((name) => (env[name] ?? '') === '');
  if (missing.length > 0) {
    return unavailableScheduler(
      `debouncing needs ${missing.join(', ')}, which ${missing.length > 1 ? 'are' : 'is'} not set`,
    );
  }
  const { tracer } = createObservability(serviceName);
  return new SchedulerDebounceScheduler(tracer.captureAWSv3Client(new SchedulerClient({ maxAttempts })), {
    groupName: requiredEnv(env, 'SCHEDULE_GROUP'),
    targetArn: requiredEnv(env, 'SCHEDULER_TARGET_ARN'),
    roleArn: requiredEnv(env, 'SCHEDULER_ROLE_ARN'),
    deadLetterArn: env.SCHEDULER_DEAD_LETTER_ARN || undefined,
  });
};
