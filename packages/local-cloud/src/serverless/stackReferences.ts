import { isPlainObject } from '../isPlainObject.js';
import { resolveIntrinsic } from './resolveIntrinsic.js';

/** Where a stack is deployed, for the names and ARNs CloudFormation would give its resources. */
export type StackContext = { region: string; accountId: string; stage: string };

/** The logical id the Serverless Framework gives a function's `AWS::Lambda::Function`. */
const functionLogicalId = (functionName: string): string =>
  `${functionName.charAt(0).toUpperCase()}${functionName.slice(1)}`.replace(/-/g, 'Dash').replace(/_/g, 'Underscore') +
  'LambdaFunction';

/**
 * What `Ref` and `Fn::GetAtt` of a stack's own resources resolve to locally: its functions
 * (name and ARN), and the names and ARNs of its IAM roles, SQS queues, SNS topics and Scheduler
 * schedule groups.
 *
 * CloudFormation knows these only at deploy time; worked out from the names the stack gives
 * them, they let an environment variable such as the Scheduler's target or role ARN get a value.
 */
export const stackReferences = (
  config: Record<string, unknown>,
  service: string,
  context: StackContext,
): Record<string, string> => {
  const { region, accountId, stage } = context;
  const references: Record<string, string> = {};
  const functions = isPlainObject(config.functions) ? config.functions : {};
  for (const [name, definition] of Object.entries(functions)) {
    const deployedName =
      isPlainObject(definition) && typeof definition.name === 'string'
        ? definition.name
        : `${service}-${stage}-${name}`;
    const id = functionLogicalId(name);
    references[id] = deployedName;
    references[`${id}.Arn`] = `arn:aws:lambda:${region}:${accountId}:function:${deployedName}`;
  }
  const resources =
    isPlainObject(config.resources) && isPlainObject(config.resources.Resources) ? config.resources.Resources : {};
  for (const [id, resource] of Object.entries(resources)) {
    if (!isPlainObject(resource)) continue;
    const properties = isPlainObject(resource.Properties) ? resource.Properties : {};
    const type = String(resource.Type ?? '');
    const named = ['RoleName', 'QueueName', 'TopicName', 'Name']
      .map((key) => properties[key])
      .find((v) => v !== undefined);
    const name = resolveIntrinsic(named, { region, accountId, imports: {} }) ?? `${service}-${stage}-${id}`;
    if (type === 'AWS::IAM::Role') {
      references[id] = name;
      references[`${id}.Arn`] = `arn:aws:iam::${accountId}:role/${name}`;
    } else if (type === 'AWS::SQS::Queue') {
      references[id] = `https://sqs.${region}.amazonaws.com/${accountId}/${name}`;
      references[`${id}.Arn`] = `arn:aws:sqs:${region}:${accountId}:${name}`;
    } else if (type === 'AWS::SNS::Topic') {
      references[id] = `arn:aws:sns:${region}:${accountId}:${name}`;
    } else if (type === 'AWS::Scheduler::ScheduleGroup') {
      references[id] = name;
      references[`${id}.Arn`] = `arn:aws:scheduler:${region}:${accountId}:schedule-group/${name}`;
    }
  }
  return references;
};
