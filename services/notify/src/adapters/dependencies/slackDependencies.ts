import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { ConfigError, createObservability, oncePerColdStart } from '@fleet/shared';
import type { DigestScheduler, SlackPorts } from '../../app/ports.js';
import { DynamoDigestStore } from '../DynamoDigestStore.js';
import { SchedulerDigestScheduler } from '../SchedulerDigestScheduler.js';
import { SlackWebApi } from '../SlackWebApi.js';
import { coreDependencies, type DependencyOptions, defaultMaxAttempts, requiredEnv } from './coreDependencies.js';
import { serviceName } from './serviceName.js';

const schedulerVariables = ['SCHEDULE_GROUP', 'SCHEDULER_TARGET_ARN', 'SCHEDULER_ROLE_ARN'] as const;

/** The digest scheduler from `SCHEDULE_GROUP`, `SCHEDULER_TARGET_ARN`, `SCHEDULER_ROLE_ARN`, `SCHEDULER_DEAD_LETTER_ARN`. */
const schedulerFromEnv = (env: NodeJS.ProcessEnv, maxAttempts: number): DigestScheduler => {
  const missing = schedulerVariables.filter((name) => (env[name] ?? '') === '');
  if (missing.length > 0) {
    return {
      arm: async () => {
        throw new ConfigError('environment', `digests need ${missing.join(', ')}, not set`);
      },
    };
  }
  const { tracer } = createObservability(serviceName);
  return new SchedulerDigestScheduler(tracer.captureAWSv3Client(new SchedulerClient({ maxAttempts })), {
    groupName: requiredEnv(env, 'SCHEDULE_GROUP'),
    targetArn: requiredEnv(env, 'SCHEDULER_TARGET_ARN'),
    roleArn: requiredEnv(env, 'SCHEDULER_ROLE_ARN'),
    deadLetterArn: env.SCHEDULER_DEAD_LETTER_ARN || undefined,
  });
};

/**
 * The dependencies of the Slack functions (deliveries and digests): the core ports, Slack's Web
 * API at `SLACK_API_URL` (default https://slack.com/api) with the bot token from SSM, the
 * digest windows and their schedules.
 *
 * @throws ConfigError naming a missing variable or a bad configuration field
 */
export const slackDependencies = (
  env: NodeJS.ProcessEnv = process.env,
  options: DependencyOptions = {},
): SlackPorts => {
  const core = coreDependencies(env, options);
  return {
    ...core,
    slack: new SlackWebApi({ baseUrl: env.SLACK_API_URL || undefined, token: () => core.secrets.slackBotToken() }),
    digests: new DynamoDigestStore(core.documentClient, requiredEnv(env, 'RECORDS_TABLE_NAME')),
    scheduler: schedulerFromEnv(env, options.maxAttempts ?? defaultMaxAttempts),
  };
};

/** The Slack dependencies of this function, built once per cold start. */
export const defaultSlackDependencies = oncePerColdStart(() => slackDependencies());
