import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  createObservability,
  getFleetConfig,
  type LoadedFleetConfig,
  oncePerColdStart,
  RecordsRepository,
} from '@fleet/shared';
import type { DeploymentPorts } from '../../app/deploy/DeploymentPorts.js';
import { RecordsDeploymentStore } from '../RecordsDeploymentStore.js';
import { SageMakerHosting } from '../SageMakerHosting.js';
import { eventsFromEnv } from './clients.js';
import { type DependencyOptions, defaultMaxAttempts, requiredEnv } from './coreDependencies.js';
import { registryFromEnv } from './registryFromEnv.js';
import { serviceName } from './serviceName.js';

/** What a deployment task receives: the configuration, its ports, the stage and the data bucket. */
export type DeployDependencies<K extends keyof DeploymentPorts> = {
  config: LoadedFleetConfig;
  ports: Pick<DeploymentPorts, K>;
  /** `FLEET_STAGE`: the stack's alarms are named by it. */
  stage: string;
};

const clockOf = (options: DependencyOptions) => options.clock ?? { now: () => new Date() };

/**
 * The deployment records and the endpoint's lease on the records table (`RECORDS_TABLE_NAME`).
 *
 * @throws ConfigError naming a missing variable
 */
export const storeFromEnv = (env: NodeJS.ProcessEnv, maxAttempts: number): RecordsDeploymentStore => {
  const { tracer } = createObservability(serviceName);
  const dynamo = tracer.captureAWSv3Client(new DynamoDBClient({ maxAttempts }));
  return new RecordsDeploymentStore(
    new RecordsRepository({
      client: DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } }),
      tableName: requiredEnv(env, 'RECORDS_TABLE_NAME'),
    }),
  );
};

const hostingFromEnv = (maxAttempts: number): SageMakerHosting => {
  const { tracer } = createObservability(serviceName);
  return new SageMakerHosting(tracer.captureAWSv3Client(new SageMakerClient({ maxAttempts })));
};

const base = (env: NodeJS.ProcessEnv, options: DependencyOptions) => {
  const { logger, metrics } = createObservability(serviceName);
  return {
    config: getFleetConfig(env),
    stage: requiredEnv(env, 'FLEET_STAGE'),
    clock: clockOf(options),
    logger,
    metrics,
  };
};

/**
 * The dependencies of the deployAcquire task: the records (the endpoint's lease) and the
 * registry (is the package still the newest approved one?).
 *
 * @throws ConfigError naming a missing variable or a bad configuration field
 */
export const deployAcquireDependencies = (
  env: NodeJS.ProcessEnv = process.env,
  options: DependencyOptions = {},
): DeployDependencies<'store' | 'registry' | 'clock' | 'logger'> => {
  const maxAttempts = options.maxAttempts ?? defaultMaxAttempts;
  const { config, stage, clock, logger } = base(env, options);
  return {
    config,
    stage,
    ports: { store: storeFromEnv(env, maxAttempts), registry: registryFromEnv(maxAttempts), clock, logger },
  };
};

/**
 * The dependencies of the tasks that call SageMaker hosting only (deployCreateModel,
 * deployCreateEndpointConfig, deployStart, deployCheck).
 *
 * @throws ConfigError naming a missing variable or a bad configuration field
 */
export const deployHostingDependencies = (
  env: NodeJS.ProcessEnv = process.env,
  options: DependencyOptions = {},
): DeployDependencies<'hosting' | 'clock'> & { dataBucket: string } => {
  const { config, stage, clock } = base(env, options);
  return {
    config,
    stage,
    dataBucket: requiredEnv(env, 'DATA_BUCKET_NAME'),
    ports: { hosting: hostingFromEnv(options.maxAttempts ?? defaultMaxAttempts), clock },
  };
};

/**
 * The dependencies of the deployFinish task: the records, the registry (a rolled-back package is
 * rejected) and the bus.
 *
 * @throws ConfigError naming a missing variable or a bad configuration field
 */
export const deployFinishDependencies = (
  env: NodeJS.ProcessEnv = process.env,
  options: DependencyOptions = {},
): DeployDependencies<'store' | 'registry' | 'events' | 'clock' | 'logger' | 'metrics'> => {
  const maxAttempts = options.maxAttempts ?? defaultMaxAttempts;
  const { config, stage, clock, logger, metrics } = base(env, options);
  return {
    config,
    stage,
    ports: {
      store: storeFromEnv(env, maxAttempts),
      registry: registryFromEnv(maxAttempts),
      events: eventsFromEnv(env, maxAttempts),
      clock,
      logger,
      metrics,
    },
  };
};

/** The deployAcquire dependencies of this function, built once per cold start. */
export const defaultDeployAcquireDependencies = oncePerColdStart(() => deployAcquireDependencies());
/** The hosting dependencies of this function, built once per cold start. */
export const defaultDeployHostingDependencies = oncePerColdStart(() => deployHostingDependencies());
/** The deployFinish dependencies of this function, built once per cold start. */
export const defaultDeployFinishDependencies = oncePerColdStart(() => deployFinishDependencies());
