import { SSMProvider } from '@aws-lambda-powertools/parameters/ssm';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SSMClient } from '@aws-sdk/client-ssm';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConfigError, createObservability, FleetMetric, getFleetConfig, RecordsRepository } from '@fleet/shared';
import type { Clock, NotifyPorts, Sleep } from '../../app/ports.js';
import { RecordsDeliveryStore } from '../RecordsDeliveryStore.js';
import { SsmSecrets } from '../SsmSecrets.js';
import { serviceName } from './serviceName.js';

/** Attempts per AWS call, the first included. */
export const defaultMaxAttempts = 5;

/** What a dependency factory may be told besides the environment (tests use them). */
export type DependencyOptions = { clock?: Clock; sleep?: Sleep; maxAttempts?: number };

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

/** The ports every delivery function uses, with the SSM secrets (for the Slack token) and the document client. */
export type CoreDependencies = NotifyPorts & { secrets: SsmSecrets; documentClient: DynamoDBDocumentClient };

/**
 * Builds what every delivery function needs: the fleet configuration, the records table
 * (`RECORDS_TABLE_NAME`), the secrets in SSM (names from `secrets` of the configuration), the
 * stage (`FLEET_STAGE`), the reports base URL (`REPORTS_BASE_URL`, optional), the clock, the
 * logger and metrics. SDK clients honour `AWS_ENDPOINT_URL_<SERVICE>`.
 *
 * @throws ConfigError naming a missing variable or a bad configuration field
 */
export const coreDependencies = (env: NodeJS.ProcessEnv, options: DependencyOptions = {}): CoreDependencies => {
  const { tracer, logger, metrics } = createObservability(serviceName);
  const config = getFleetConfig(env);
  const maxAttempts = options.maxAttempts ?? defaultMaxAttempts;
  const documentClient = DynamoDBDocumentClient.from(tracer.captureAWSv3Client(new DynamoDBClient({ maxAttempts })), {
    marshallOptions: { removeUndefinedValues: true },
  });
  const records = new RecordsRepository({ client: documentClient, tableName: requiredEnv(env, 'RECORDS_TABLE_NAME') });
  const ssm = new SSMProvider({ awsSdkV3Client: tracer.captureAWSv3Client(new SSMClient({ maxAttempts })) });
  return {
    config,
    stage: env.FLEET_STAGE || config.stage,
    store: new RecordsDeliveryStore(records, {
      onTakeover: (lease, previous) => {
        metrics.addMetric(FleetMetric.LeaseTakeovers, 'Count', 1);
        logger.info('took over a delivery', {
          key: lease.key,
          fence: lease.fence,
          previous: { state: previous.state, expiresAt: previous.expiresAt },
        });
      },
    }),
    secrets: new SsmSecrets(ssm, config.secrets),
    clock: options.clock ?? { now: () => new Date() },
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    logger,
    metrics,
    reportsBaseUrl: env.REPORTS_BASE_URL || undefined,
    documentClient,
  };
};
