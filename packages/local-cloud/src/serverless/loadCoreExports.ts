import { existsSync } from 'node:fs';
import { isPlainObject } from '../isPlainObject.js';
import { parseServerlessYaml } from './parseServerlessYaml.js';
import { type IntrinsicContext, resolveIntrinsic } from './resolveIntrinsic.js';
import { resolveServerlessVariables, type VariableContext } from './resolveServerlessVariables.js';

/**
 * Exports of the core stack by export name, the outputs that could not be worked out locally,
 * and the names of the event buses it declares.
 */
export type CoreExports = { exports: Record<string, string>; unresolved: string[]; buses: string[] };

type Resource = { Type?: string; Properties?: Record<string, unknown> };

/** The `Ref` value and attributes CloudFormation gives a resource, from its name property. */
const describeResource = (
  type: string,
  name: string,
  region: string,
  accountId: string,
): { ref: string; attributes: Record<string, string> } | undefined => {
  switch (type) {
    case 'AWS::Events::EventBus':
      return { ref: name, attributes: { Arn: `arn:aws:events:${region}:${accountId}:event-bus/${name}`, Name: name } };
    case 'AWS::DynamoDB::Table':
      return { ref: name, attributes: { Arn: `arn:aws:dynamodb:${region}:${accountId}:table/${name}` } };
    case 'AWS::S3::Bucket':
      return { ref: name, attributes: { Arn: `arn:aws:s3:::${name}` } };
    case 'AWS::SQS::Queue':
      return {
        ref: `https://sqs.${region}.amazonaws.com/${accountId}/${name}`,
        attributes: { Arn: `arn:aws:sqs:${region}:${accountId}:${name}`, QueueName: name },
      };
    case 'AWS::SNS::Topic': {
      const arn = `arn:aws:sns:${region}:${accountId}:${name}`;
      return { ref: arn, attributes: { TopicArn: arn, TopicName: name } };
    }
    default:
      return undefined;
  }
};

const NAME_PROPERTIES = ['Name', 'TableName', 'BucketName', 'QueueName', 'TopicName'];

/**
 * Works out the exports of the core stack (root `serverless.yml`) for one stage, locally.
 *
 * Services read the core stack's outputs with `Fn::ImportValue`; the values follow from the resources' name properties (table name, bus name, queue name...) and
 * their documented ARN formats. Outputs whose value cannot be derived are listed in
 * `unresolved`. Returns no exports when the file does not exist.
 */
export const loadCoreExports = (file: string, context: VariableContext): CoreExports => {
  if (!existsSync(file)) return { exports: {}, unresolved: [], buses: [] };
  const parsed = parseServerlessYaml(file);
  const config = resolveServerlessVariables(parsed.value, file, context);
  const resources =
    (config.resources as { Resources?: Record<string, Resource>; Outputs?: Record<string, unknown> }) ?? {};
  const stackName = `${String(config.service ?? 'core')}-${context.stage}`;
  const base: IntrinsicContext = { region: context.region, accountId: context.accountId, imports: {}, stackName };
  const references: Record<string, string> = {};
  const buses: string[] = [];
  for (const [logicalId, resource] of Object.entries(resources.Resources ?? {})) {
    const properties = resource.Properties ?? {};
    const nameProperty = NAME_PROPERTIES.find((property) => property in properties);
    const name = nameProperty === undefined ? undefined : resolveIntrinsic(properties[nameProperty], base);
    const described =
      name === undefined ? undefined : describeResource(resource.Type ?? '', name, context.region, context.accountId);
    if (described === undefined) continue;
    if (resource.Type === 'AWS::Events::EventBus') buses.push(described.ref);
    references[logicalId] = described.ref;
    for (const [attribute, value] of Object.entries(described.attributes))
      references[`${logicalId}.${attribute}`] = value;
  }
  const exports: Record<string, string> = {};
  const unresolved: string[] = [];
  for (const [outputId, output] of Object.entries(resources.Outputs ?? {})) {
    if (!isPlainObject(output) || !isPlainObject(output.Export)) continue;
    const exportName = resolveIntrinsic(output.Export.Name, { ...base, references });
    const value = resolveIntrinsic(output.Value, { ...base, references });
    if (exportName === undefined || value === undefined) unresolved.push(exportName ?? outputId);
    else exports[exportName] = value;
  }
  return { exports, unresolved, buses };
};
