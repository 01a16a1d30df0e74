import { isPlainObject } from '../isPlainObject.js';
import { parseServerlessYaml } from '../serverless/parseServerlessYaml.js';
import { type IntrinsicContext, resolveIntrinsic } from '../serverless/resolveIntrinsic.js';
import { resolveServerlessVariables } from '../serverless/resolveServerlessVariables.js';
import { type StackContext, stackReferences } from '../serverless/stackReferences.js';
import type { MetricAlarmDefinition } from './LocalCloudWatch.js';

/** The alarms the stacks declare, and what could not be read. */
export type StackAlarms = { alarms: MetricAlarmDefinition[]; skipped: string[] };

type Json = Record<string, unknown>;

const STRING_FIELDS = [
  'AlarmDescription',
  'MetricName',
  'Namespace',
  'Statistic',
  'ExtendedStatistic',
  'Unit',
  'ComparisonOperator',
  'TreatMissingData',
] as const;
const NUMBER_FIELDS = ['Period', 'EvaluationPeriods', 'DatapointsToAlarm', 'Threshold'] as const;
const ACTION_FIELDS = ['AlarmActions', 'OKActions', 'InsufficientDataActions'] as const;

/** `Fn::GetAtt [<Queue>, QueueName]` of the stack's SQS queues, which alarms on dead-letter queues name. */
const queueNames = (config: Json, service: string, context: StackContext): Record<string, string> => {
  const resources =
    isPlainObject(config.resources) && isPlainObject(config.resources.Resources) ? config.resources.Resources : {};
  const names: Record<string, string> = {};
  for (const [id, resource] of Object.entries(resources)) {
    if (!isPlainObject(resource) || resource.Type !== 'AWS::SQS::Queue') continue;
    const properties = isPlainObject(resource.Properties) ? resource.Properties : {};
    names[`${id}.QueueName`] =
      resolveIntrinsic(properties.QueueName, { region: context.region, accountId: context.accountId, imports: {} }) ??
      `${service}-${context.stage}-${id}`;
  }
  return names;
};

/**
 * The `AWS::CloudWatch::Alarm` resources of the given stacks (`serverless.yml` files), as
 * PutMetricAlarm requests, with names, dimensions and actions resolved for the stage, region and
 * account. An alarm without `AlarmName` gets the name CloudFormation would give it, less the
 * random suffix (`<stack>-<LogicalId>`). A file that cannot be read, or an alarm whose name or
 * dimensions cannot be worked out locally, is listed in `skipped`.
 */
export const readStackAlarms = (
  files: readonly string[],
  context: StackContext & { imports: Record<string, string> },
): StackAlarms => {
  const found: StackAlarms = { alarms: [], skipped: [] };
  for (const file of files) {
    let config: Json;
    try {
      config = resolveServerlessVariables(parseServerlessYaml(file).value, file, { ...context, env: process.env });
    } catch (error) {
      found.skipped.push(`${file}: ${(error as Error).message}`);
      continue;
    }
    const service = typeof config.service === 'string' ? config.service : 'stack';
    const intrinsics: IntrinsicContext = {
      region: context.region,
      accountId: context.accountId,
      imports: context.imports,
      references: { ...stackReferences(config, service, context), ...queueNames(config, service, context) },
      stackName: `${service}-${context.stage}`,
    };
    const resources =
      isPlainObject(config.resources) && isPlainObject(config.resources.Resources) ? config.resources.Resources : {};
    for (const [logicalId, resource] of Object.entries(resources)) {
      if (!isPlainObject(resource) || resource.Type !== 'AWS::CloudWatch::Alarm') continue;
      const properties = isPlainObject(resource.Properties) ? resource.Properties : {};
      const name =
        properties.AlarmName === undefined
          ? `${service}-${context.stage}-${logicalId}`
          : resolveIntrinsic(properties.AlarmName, intrinsics);
      if (name === undefined) {
        found.skipped.push(`${file}: alarm ${logicalId}: its AlarmName cannot be worked out locally`);
        continue;
      }
      const alarm: Json = { AlarmName: name };
      for (const field of STRING_FIELDS) {
        const value = resolveIntrinsic(properties[field], intrinsics);
        if (value !== undefined) alarm[field] = value;
      }
      for (const field of NUMBER_FIELDS) {
        const value = resolveIntrinsic(properties[field], intrinsics);
        if (value !== undefined && Number.isFinite(Number(value))) alarm[field] = Number(value);
      }
      for (const field of ACTION_FIELDS) {
        if (!Array.isArray(properties[field])) continue;
        alarm[field] = (properties[field] as unknown[])
          .map((action) => resolveIntrinsic(action, intrinsics))
          .filter((action): action is string => action !== undefined);
      }
      if (typeof properties.ActionsEnabled === 'boolean') alarm.ActionsEnabled = properties.ActionsEnabled;
      if (properties.Metrics !== undefined) alarm.Metrics = properties.Metrics;
      if (Array.isArray(properties.Dimensions)) {
        const dimensions = properties.Dimensions.filter(isPlainObject).map((dimension) => ({
          Name: resolveIntrinsic(dimension.Name, intrinsics),
          Value: resolveIntrinsic(dimension.Value, intrinsics),
        }));
        if (dimensions.some((d) => d.Name === undefined || d.Value === undefined)) {
          found.skipped.push(`${file}: alarm ${logicalId}: a dimension cannot be worked out locally`);
          continue;
        }
        alarm.Dimensions = dimensions;
      }
      found.alarms.push(alarm as unknown as MetricAlarmDefinition);
    }
  }
  return found;
};
