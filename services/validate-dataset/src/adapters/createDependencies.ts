import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConfigError, createObservability, EventPublisher, getFleetConfig, RecordsRepository } from '@fleet/shared';
import type { ValidationPorts } from '../app/ports.js';
import { loadContractCatalog } from './loadContractCatalog.js';
import { S3DatasetObjectStore } from './S3DatasetObjectStore.js';
import { s3ClientConfig } from './s3ClientConfig.js';

/** The service name in logs, metrics and traces. */
export const serviceName = 'validate-dataset';

/** Attempts per AWS call, the first included; the SDK's standard retry strategy backs off between them. */
export const defaultMaxAttempts = 5;

/** What every handler needs: the ports of the use case and the data bucket. */
export type ValidateDatasetDependencies = {
  ports: ValidationPorts;
  /** `DATA_BUCKET`: the bucket a direct invocation reads when it names none. */
  dataBucket?: string;
};

const required = (env: NodeJS.ProcessEnv, name: string): string => {
  const value = env[name];
  if (value === undefined || value === '') throw new ConfigError('environment', `${name} is not set`);
  return value;
};

/**
 * Builds the adapters from the environment: S3, the records table, the bus and the contracts.
 *
 * Reads `RECORDS_TABLE_NAME`, `EVENT_BUS_NAME`, `DATA_BUCKET` (optional), the configuration
 * through `FLEET_CONFIG_FILE` and `FLEET_STAGE`, and the S3 client settings of
 * {@link s3ClientConfig}. The SDK clients honour `AWS_ENDPOINT_URL_<SERVICE>`, which is how
 * the local cloud and the integration tests redirect them.
 *
 * @throws ConfigError naming a missing variable, a bad configuration field or a bad contract
 */
export const createDependencies = (
  env: NodeJS.ProcessEnv = process.env,
  options: { maxAttempts?: number } = {},
): ValidateDatasetDependencies => {
  const { tracer, logger, metrics } = createObservability(serviceName);
  const maxAttempts = options.maxAttempts ?? defaultMaxAttempts;
  const contracts = loadContractCatalog(getFleetConfig(env));

  const records = new RecordsRepository({
    client: DynamoDBDocumentClient.from(tracer.captureAWSv3Client(new DynamoDBClient({ maxAttempts })), {
      marshallOptions: { removeUndefinedValues: true },
    }),
    tableName: required(env, 'RECORDS_TABLE_NAME'),
  });
  const events = new EventPublisher({
    client: tracer.captureAWSv3Client(new EventBridgeClient({ maxAttempts })),
    eventBusName: required(env, 'EVENT_BUS_NAME'),
    logger,
  });
  const objects = new S3DatasetObjectStore(
    tracer.captureAWSv3Client(new S3Client({ ...s3ClientConfig(env), maxAttempts })),
  );

  return {
    ports: {
      contracts,
      objects,
      records,
      events,
      clock: { now: () => new Date() },
      newId: randomUUID,
      logger,
      metrics,
    },
    dataBucket: env.DATA_BUCKET || undefined,
  };
};

let cached: ValidateDatasetDependencies | undefined;

/** The dependencies of this function, built once per cold start (on the first invocation). */
export const defaultDependencies = (): ValidateDatasetDependencies => {
  cached ??= createDependencies();
  return cached;
};

/** Forgets the cached dependencies, so tests can point a fresh set at other endpoints. */
export const resetDependencies = (): void => {
  cached = undefined;
};
