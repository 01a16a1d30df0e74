import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  ConfigError,
  createObservability,
  EventPublisher,
  getFleetConfig,
  oncePerColdStart,
  RecordsRepository,
  s3ClientConfig,
} from '@fleet/shared';
import type { Clock, DriftPorts } from '../../app/ports.js';
import type { MonitorSettings } from '../../domain/MonitorSettings.js';
import { consoleEmfSink } from '../consoleEmfSink.js';
import { RecordsDriftStore } from '../RecordsDriftStore.js';
import { S3ObjectStore } from '../S3ObjectStore.js';
import { SageMakerModelRegistry } from '../SageMakerModelRegistry.js';
import { loadMonitorSettings } from './loadMonitorSettings.js';
import { serviceName } from './serviceName.js';

/** Attempts per AWS call, the first included. */
export const defaultMaxAttempts = 5;

/** What the check function needs: its ports and every monitored model's settings. */
export type CheckDependencies = { ports: DriftPorts; settings: Map<string, MonitorSettings> };

const requiredEnv = (env: NodeJS.ProcessEnv, name: string): string => {
  const value = env[name];
  if (value === undefined || value === '') throw new ConfigError('environment', `${name} is not set`);
  return value;
};

/**
 * Builds the check function's adapters (S3, SageMaker, the records table, the fleet bus) and
 * validates every monitored model's drift settings.
 *
 * Reads `RECORDS_TABLE_NAME`, `EVENT_BUS_NAME`, `DATA_BUCKET_NAME` and the fleet configuration
 * (`FLEET_CONFIG_FILE`, `FLEET_STAGE`); the SDK clients honour `AWS_ENDPOINT_URL_<SERVICE>`.
 *
 * @throws ConfigError naming a missing variable or a bad configuration field
 */
export const checkDependencies = (
  env: NodeJS.ProcessEnv = process.env,
  options: { clock?: Clock; maxAttempts?: number } = {},
): CheckDependencies => {
  const { tracer, logger, metrics } = createObservability(serviceName);
  const maxAttempts = options.maxAttempts ?? defaultMaxAttempts;
  const config = getFleetConfig(env);
  const settings = loadMonitorSettings(config);
  const records = new RecordsRepository({
    client: DynamoDBDocumentClient.from(tracer.captureAWSv3Client(new DynamoDBClient({ maxAttempts })), {
      marshallOptions: { removeUndefinedValues: true },
    }),
    tableName: requiredEnv(env, 'RECORDS_TABLE_NAME'),
  });
  const ports: DriftPorts = {
    objects: new S3ObjectStore(tracer.captureAWSv3Client(new S3Client({ maxAttempts, ...s3ClientConfig(env) }))),
    registry: new SageMakerModelRegistry(tracer.captureAWSv3Client(new SageMakerClient({ maxAttempts }))),
    store: new RecordsDriftStore(records),
    events: new EventPublisher({
      client: tracer.captureAWSv3Client(new EventBridgeClient({ maxAttempts })),
      eventBusName: requiredEnv(env, 'EVENT_BUS_NAME'),
      logger,
    }),
    emf: consoleEmfSink({ enabled: env.POWERTOOLS_METRICS_DISABLED !== 'true' }),
    clock: options.clock ?? { now: () => new Date() },
    logger,
    metrics,
    bucket: requiredEnv(env, 'DATA_BUCKET_NAME'),
  };
  return { ports, settings };
};

/** The check function's dependencies, built once per cold start. */
export const defaultCheckDependencies = oncePerColdStart(() => checkDependencies());
