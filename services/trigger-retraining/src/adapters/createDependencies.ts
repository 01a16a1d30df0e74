import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  ConfigError,
  createObservability,
  EventPublisher,
  type FleetConfig,
  getFleetConfig,
  RecordsRepository,
} from '@fleet/shared';
import type { Clock, DebounceScheduler, TriggerPorts } from '../app/ports.js';
import { RecordsTriggerStore } from './RecordsTriggerStore.js';
import { SageMakerPipelineRunner } from './SageMakerPipelineRunner.js';
import { SchedulerDebounceScheduler } from './SchedulerDebounceScheduler.js';

/** The service name in logs, metrics and traces. */
export const serviceName = 'trigger-retraining';

/** Attempts per AWS call, the first included; the SDK's standard retry strategy backs off between them. */
export const defaultMaxAttempts = 5;

/** What every handler needs: the ports of the domain and the fleet configuration. */
export type TriggerDependencies = {
  ports: TriggerPorts;
  config: Pick<FleetConfig, 'pipelines' | 'datasets' | 'models'>;
};

const required = (env: NodeJS.ProcessEnv, name: string): string => {
  const value = env[name];
  if (value === undefined || value === '') throw new ConfigError('environment', `${name} is not set`);
  return value;
};

/** A scheduler that explains which variables are missing, for functions that never debounce. */
const unconfiguredScheduler = (missing: string[]): DebounceScheduler => ({
  arm: async () => {
    throw new ConfigError(
      'environment',
      `debouncing needs ${missing.join(', ')}, which ${missing.length > 1 ? 'are' : 'is'} not set`,
    );
  },
});

/**
 * Builds the adapters from the environment: SageMaker, Scheduler, the records table and the bus.
 *
 * Reads `EVENT_BUS_NAME`, `RECORDS_TABLE_NAME`, `SCHEDULE_GROUP`, `SCHEDULER_TARGET_ARN`,
 * `SCHEDULER_ROLE_ARN`, `SCHEDULER_DEAD_LETTER_ARN` (optional), and the configuration through
 * `FLEET_CONFIG_FILE` and `FLEET_STAGE`. The SDK clients honour `AWS_ENDPOINT_URL_<SERVICE>`,
 * which is how the local cloud and the integration tests redirect them.
 *
 * @throws ConfigError naming a missing variable or a bad configuration field
 */
export const createDependencies = (
  env: NodeJS.ProcessEnv = process.env,
  options: { clock?: Clock; maxAttempts?: number } = {},
): TriggerDependencies => {
  const { tracer, logger, metrics } = createObservability(serviceName);
  const clock = options.clock ?? { now: () => new Date() };
  const maxAttempts = options.maxAttempts ?? defaultMaxAttempts;
  const config = getFleetConfig(env);

  const dynamo = tracer.captureAWSv3Client(new DynamoDBClient({ maxAttempts }));
  const records = new RecordsRepository({
    client: DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } }),
    tableName: required(env, 'RECORDS_TABLE_NAME'),
  });
  const events = new EventPublisher({
    client: tracer.captureAWSv3Client(new EventBridgeClient({ maxAttempts })),
    eventBusName: required(env, 'EVENT_BUS_NAME'),
    logger,
  });
  const runner = new SageMakerPipelineRunner(tracer.captureAWSv3Client(new SageMakerClient({ maxAttempts })), () =>
    clock.now(),
  );
  const schedulerVariables = ['SCHEDULE_GROUP', 'SCHEDULER_TARGET_ARN', 'SCHEDULER_ROLE_ARN'];
  const missing = schedulerVariables.filter((name) => (env[name] ?? '') === '');
  const scheduler =
    missing.length > 0
      ? unconfiguredScheduler(missing)
      : new SchedulerDebounceScheduler(tracer.captureAWSv3Client(new SchedulerClient({ maxAttempts })), {
          groupName: required(env, 'SCHEDULE_GROUP'),
          targetArn: required(env, 'SCHEDULER_TARGET_ARN'),
          roleArn: required(env, 'SCHEDULER_ROLE_ARN'),
          deadLetterArn: env.SCHEDULER_DEAD_LETTER_ARN || undefined,
        });

  return {
    config,
    ports: {
      store: new RecordsTriggerStore(records),
      runner,
      scheduler,
      events,
      clock,
      newId: randomUUID,
      logger,
      metrics,
    },
  };
};

let cached: TriggerDependencies | undefined;

/** The dependencies of this function, built once per cold start. */
export const defaultDependencies = (): TriggerDependencies => {
  cached ??= createDependencies();
  return cached;
};
