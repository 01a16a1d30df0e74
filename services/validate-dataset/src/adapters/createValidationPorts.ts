import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  ConfigError,
  createObservability,
  EventPublisher,
  getFleetConfig,
  RecordsRepository,
  s3ClientConfig,
} from '@fleet/shared';
import type { ValidationPorts } from '../app/ports.js';
import { loadContractCatalog } from './loadContractCatalog.js';
import { S3DatasetObjectStore } from './S3DatasetObjectStore.js';
import { serviceName } from './serviceName.js';

/** Attempts per AWS call, the first included; the SDK's standard retry strategy backs off between them. */
export const defaultMaxAttempts = 5;

/** A variable that must be set; a ConfigError naming it otherwise. */
const requiredVariable = (env: NodeJS.ProcessEnv, name: string): string => {
  const value = env[name];
  if (value === undefined || value === '') throw new ConfigError('environment', `${name} is not set`);
  return value;
};

/**
 * Builds the ports of `validateObject` from the environment: S3, the records table, the bus, the
 * contracts, and the service's logger and metrics.
 *
 * The one use case calls all three clients (it reads the object, writes the profile, the claim
 * and the record, and publishes the verdict), so both functions of the service need all of them;
 * each function's own factory adds what only it reads. Reads `RECORDS_TABLE_NAME`,
 * `EVENT_BUS_NAME`, the configuration through `FLEET_CONFIG_FILE` and `FLEET_STAGE`, and the S3
 * client settings of {@link s3ClientConfig}. The SDK clients honour `AWS_ENDPOINT_URL_<SERVICE>`,
 * which is how the local cloud and the integration tests redirect them.
 *
 * @throws ConfigError naming a missing variable, a bad configuration field or a bad contract
 */
export const createValidationPorts = (
  env: NodeJS.ProcessEnv = process.env,
  options: { maxAttempts?: number } = {},
): ValidationPorts => {
  const { tracer, logger, metrics } = createObservability(serviceName);
  const maxAttempts = options.maxAttempts ?? defaultMaxAttempts;
  const contracts = loadContractCatalog(getFleetConfig(env));

  const records = new RecordsRepository({
    client: DynamoDBDocumentClient.from(tracer.captureAWSv3Client(new DynamoDBClient({ maxAttempts })), {
      marshallOptions: { removeUndefinedValues: true },
    }),
    tableName: requiredVariable(env, 'RECORDS_TABLE_NAME'),
  });
  const events = new EventPublisher({
    client: tracer.captureAWSv3Client(new EventBridgeClient({ maxAttempts })),
    eventBusName: requiredVariable(env, 'EVENT_BUS_NAME'),
    logger,
  });
  const objects = new S3DatasetObjectStore(
    tracer.captureAWSv3Client(new S3Client({ ...s3ClientConfig(env), maxAttempts })),
  );

  return {
    contracts,
    objects,
    records,
    events,
    clock: { now: () => new Date() },
    newId: randomUUID,
    logger,
    metrics,
  };
};
