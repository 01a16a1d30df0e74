import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { isPlainObject } from '../isPlainObject.js';
import { parseServerlessYaml } from './parseServerlessYaml.js';
import { type IntrinsicContext, resolveIntrinsic } from './resolveIntrinsic.js';
import { resolveServerlessVariables } from './resolveServerlessVariables.js';
import type { StackContext } from './stackReferences.js';

/** A bucket a stack declares, and whether it sends its events to EventBridge. */
export type StackBucket = { name: string; eventBridge: boolean };

/** An `AWS::SQS::Queue` a stack declares, with the attributes the local SQS keeps. */
export type StackQueue = {
  /** `QueueName`, or `<service>-<stage>-<LogicalId>` without one (CloudFormation adds a random suffix). */
  name: string;
  /** Seconds (default 30). */
  visibilityTimeout?: number;
  /** Seconds (default 345600, 4 days). */
  messageRetentionPeriod?: number;
  /** Seconds (default 0). */
  delaySeconds?: number;
};

/** The resources of the stacks the local stand-ins create before anything runs, as after a deployment. */
export type StackResources = {
  /** `AWS::DynamoDB::Table` resources, as CreateTable requests. */
  tables: CreateTableCommandInput[];
  /** `AWS::S3::Bucket` resources. */
  buckets: StackBucket[];
  /** `AWS::Scheduler::ScheduleGroup` names. */
  scheduleGroups: string[];
  /** `AWS::SQS::Queue` resources. */
  queues: StackQueue[];
};

type Json = Record<string, unknown>;

const pick = (source: Json, keys: string[]): Json =>
  Object.fromEntries(keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]));

/** The CreateTable request of a table resource: keys, indexes and billing, without what dynalite does not serve. */
const createTableInput = (name: string, properties: Json): CreateTableCommandInput => {
  const indexes = (value: unknown) =>
    Array.isArray(value)
      ? value
          .filter(isPlainObject)
          .map((index) => pick(index, ['IndexName', 'KeySchema', 'Projection', 'ProvisionedThroughput']))
      : undefined;
  const input: Json = {
    ...pick(properties, ['AttributeDefinitions', 'KeySchema', 'BillingMode', 'ProvisionedThroughput']),
    TableName: name,
  };
  const global = indexes(properties.GlobalSecondaryIndexes);
  const local = indexes(properties.LocalSecondaryIndexes);
  if (global !== undefined) input.GlobalSecondaryIndexes = global;
  if (local !== undefined) input.LocalSecondaryIndexes = local;
  return input as unknown as CreateTableCommandInput;
};

/**
 * The tables, buckets and schedule groups the given stacks (`serverless.yml` files) declare, with
 * their names resolved for the stage, region and account.
 *
 * The local cloud creates them before the functions run, as a deployment would. A file that
 * cannot be read is skipped: the rule reader reports it in its `errors`. A resource whose name
 * cannot be worked out locally is left out.
 *
 * @example
 * readStackResources(['serverless.yml'], context).buckets // [{ name: 'app-local-uploads', eventBridge: true }]
 */
export const readStackResources = (files: readonly string[], context: StackContext): StackResources => {
  const found: StackResources = { tables: [], buckets: [], scheduleGroups: [], queues: [] };
  for (const file of files) {
    let config: Json;
    try {
      config = resolveServerlessVariables(parseServerlessYaml(file).value, file, { ...context, env: process.env });
    } catch {
      // Reported with the file and the problem in LoadedServerlessRules.errors, which stops the start.
      continue;
    }
    const stackName = `${String(config.service ?? 'stack')}-${context.stage}`;
    const intrinsics: IntrinsicContext = {
      region: context.region,
      accountId: context.accountId,
      imports: {},
      stackName,
    };
    const resources =
      isPlainObject(config.resources) && isPlainObject(config.resources.Resources) ? config.resources.Resources : {};
    for (const [logicalId, resource] of Object.entries(resources)) {
      if (!isPlainObject(resource)) continue;
      const properties = isPlainObject(resource.Properties) ? resource.Properties : {};
      switch (resource.Type) {
        case 'AWS::DynamoDB::Table': {
          const name = resolveIntrinsic(properties.TableName, intrinsics);
          if (name !== undefined) found.tables.push(createTableInput(name, properties));
          break;
        }
        case 'AWS::S3::Bucket': {
          const name = resolveIntrinsic(properties.BucketName, intrinsics);
          const notifications = isPlainObject(properties.NotificationConfiguration)
            ? properties.NotificationConfiguration
            : {};
          const eventBridge =
            isPlainObject(notifications.EventBridgeConfiguration) &&
            notifications.EventBridgeConfiguration.EventBridgeEnabled === true;
          if (name !== undefined) found.buckets.push({ name, eventBridge });
          break;
        }
        case 'AWS::Scheduler::ScheduleGroup': {
          const name = resolveIntrinsic(properties.Name, intrinsics);
          if (name !== undefined && !found.scheduleGroups.includes(name)) found.scheduleGroups.push(name);
          break;
        }
        case 'AWS::SQS::Queue': {
          const name = resolveIntrinsic(properties.QueueName, intrinsics) ?? `${stackName}-${logicalId}`;
          const seconds = (value: unknown) => (typeof value === 'number' ? value : Number(value ?? Number.NaN));
          const attributes = {
            visibilityTimeout: seconds(properties.VisibilityTimeout),
            messageRetentionPeriod: seconds(properties.MessageRetentionPeriod),
            delaySeconds: seconds(properties.DelaySeconds),
          };
          if (!found.queues.some((queue) => queue.name === name)) {
            found.queues.push({
              name,
              ...Object.fromEntries(Object.entries(attributes).filter(([, value]) => Number.isFinite(value))),
            });
          }
          break;
        }
        default:
          break;
      }
    }
  }
  return found;
};
