import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConfigError, createObservability, EventPublisher, FleetMetric, RecordsRepository } from '@fleet/shared';
import type { Clock, TriggerPorts } from '../../app/ports.js';
import { RecordsTriggerStore } from '../RecordsTriggerStore.js';
import { SageMakerPipelineRunner } from '../SageMakerPipelineRunner.js';
import { serviceName } from './serviceName.js';

/** Attempts per AWS call, the first included; the SDK's standard retry strategy backs off between them. */
export const defaultMaxAttempts = 5;

/** What a dependency factory may be told besides the environment (tests and the local cloud use them). */
export type DependencyOptions = { clock?: Clock; maxAttempts?: number };

/** The ports every function of the service uses: no debounce scheduler, no fleet configuration. */
export type CorePorts = Omit<TriggerPorts, 'scheduler'>;

/**
 * Reads a variable that must be set.
 *
 * @throws ConfigError naming the variable
 */
export const requiredEnv = (env: NodeJS.ProcessEnv, name: string): string => {
  const value = env[name];
  if (value === undefined || value === '') throw new ConfigError('environment', `${name} is not set`);
  return value;
};

/**
 * Builds the adapters every function calls: the records table (DynamoDB), the fleet bus
 * (EventBridge) and SageMaker, with the service's logger, metrics and clock.
 *
 * Reads `RECORDS_TABLE_NAME` and `EVENT_BUS_NAME`. The SDK clients honour
 * `AWS_ENDPOINT_URL_<SERVICE>`, which is how the local cloud and the integration tests redirect
 * them. The Scheduler client and the fleet configuration are left to the factories of the
 * functions that need them, so the others do not bundle them.
 *
 * @throws ConfigError naming a missing variable
 */
export const coreDependencies = (env: NodeJS.ProcessEnv, options: DependencyOptions = {}): CorePorts => {
  const { tracer, logger, metrics } = createObservability(serviceName);
  const clock = options.clock ?? { now: () => new Date() };
  const maxAttempts = options.maxAttempts ?? defaultMaxAttempts;
  const dynamo = tracer.captureAWSv3Client(new DynamoDBClient({ maxAttempts }));
  const records = new RecordsRepository({
    client: DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } }),
    tableName: requiredEnv(env, 'RECORDS_TABLE_NAME'),
  });
  const events = new EventPublisher({
    client: tracer.captureAWSv3Client(new EventBridgeClient({ maxAttempts })),
    eventBusName: requiredEnv(env, 'EVENT_BUS_NAME'),
    logger,
  });
  const runner = new SageMakerPipelineRunner(tracer.captureAWSv3Client(new SageMakerClient({ maxAttempts })), () =>
    clock.now(),
  );
  const store = new RecordsTriggerStore(records, {
    onTakeover: ({ what, lease, previous }) => {
      metrics.addMetric(FleetMetric.LeaseTakeovers, 'Count', 1);
      logger.info(`took over a ${what}`, {
        key: lease.key,
        fence: lease.fence,
        previous: { owner: previous.owner, state: previous.state, expiresAt: previous.expiresAt },
      });
    },
  });
  return { store, runner, events, clock, newId: randomUUID, logger, metrics };
};
