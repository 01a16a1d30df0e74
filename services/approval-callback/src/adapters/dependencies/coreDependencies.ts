import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConfigError, createObservability, RecordsRepository } from '@fleet/shared';
import type { AppLogger, AppMetrics, Clock } from '../../app/ports.js';
import type { ApprovalStore } from '../../app/records.js';
import { RecordsApprovalStore } from '../RecordsApprovalStore.js';
import { serviceName } from './serviceName.js';

/** Attempts per AWS call, the first included; the SDK's standard retry strategy backs off between them. */
export const defaultMaxAttempts = 5;

/** What a dependency factory may be told besides the environment (tests and the local cloud use them). */
export type DependencyOptions = { clock?: Clock; maxAttempts?: number };

/** The ports every function uses: the records, the clock, the log and the metrics. */
export type CorePorts = { store: ApprovalStore; clock: Clock; logger: AppLogger; metrics: AppMetrics };

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
 * Builds the records store (DynamoDB, `RECORDS_TABLE_NAME`) with the service's logger, metrics
 * and clock. The SDK clients honour `AWS_ENDPOINT_URL_<SERVICE>`, which is how the local cloud
 * and the integration tests redirect them; every other client is left to the factories of the
 * functions that call it, so the others do not bundle it.
 *
 * @throws ConfigError naming a missing variable
 */
export const coreDependencies = (env: NodeJS.ProcessEnv, options: DependencyOptions = {}): CorePorts => {
  const { tracer, logger, metrics } = createObservability(serviceName);
  const dynamo = tracer.captureAWSv3Client(
    new DynamoDBClient({ maxAttempts: options.maxAttempts ?? defaultMaxAttempts }),
  );
  const records = new RecordsRepository({
    client: DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } }),
    tableName: requiredEnv(env, 'RECORDS_TABLE_NAME'),
  });
  return {
    store: new RecordsApprovalStore(records),
    clock: options.clock ?? { now: () => new Date() },
    logger,
    metrics,
  };
};
