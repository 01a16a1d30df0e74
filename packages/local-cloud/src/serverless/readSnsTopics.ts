import { isPlainObject } from '../isPlainObject.js';
import type { FunctionTarget, SkippedEvent } from './LocalRule.js';
import type { ServiceStack } from './readServiceStacks.js';
import { resolveIntrinsic } from './resolveIntrinsic.js';

/** An SNS topic a stack declares (an `AWS::SNS::Topic` resource, or one the framework creates for an `sns` event). */
export type SnsTopicDefinition = {
  name: string;
  arn: string;
  /** The `service:` of the stack that declares it. */
  service: string;
  displayName?: string;
};

/** A Lambda subscription from a function's `sns` event. */
export type SnsSubscriptionDefinition = {
  topicArn: string;
  /** The function it invokes (deployed name, as the Lambda stand-in knows it). */
  target: FunctionTarget;
  /** The SQS queue of the subscription's redrive policy (`redrivePolicy` of the `sns` event), when it resolves. */
  deadLetterQueueArn?: string;
};

/** The topics and Lambda subscriptions of the stacks. */
export type SnsTopics = {
  topics: SnsTopicDefinition[];
  subscriptions: SnsSubscriptionDefinition[];
  /** `sns` events that cannot be served locally, and why. */
  skipped: SkippedEvent[];
};

/**
 * The queue ARN of an `sns` event's `redrivePolicy` in the framework's three forms:
 * `deadLetterTargetArn`, `deadLetterTargetRef` (a queue of the same stack) and
 * `deadLetterTargetImport: { arn, url }` (an export).
 */
const redriveTarget = (policy: unknown, intrinsics: ServiceStack['intrinsics']): string | undefined => {
  if (!isPlainObject(policy)) return undefined;
  if (policy.deadLetterTargetArn !== undefined) return resolveIntrinsic(policy.deadLetterTargetArn, intrinsics);
  if (typeof policy.deadLetterTargetRef === 'string') {
    return resolveIntrinsic({ 'Fn::GetAtt': [policy.deadLetterTargetRef, 'Arn'] }, intrinsics);
  }
  if (isPlainObject(policy.deadLetterTargetImport)) {
    return resolveIntrinsic({ 'Fn::ImportValue': policy.deadLetterTargetImport.arn }, intrinsics);
  }
  return undefined;
};

const TOPIC_ARN = /^arn:aws[a-z-]*:sns:[^:]+:\d{12}:([A-Za-z0-9_-]{1,256}(?:\.fifo)?)$/;

/**
 * The SNS topics the stacks declare and the functions subscribed to them.
 *
 * Topics: every `AWS::SNS::Topic` resource, named by its `TopicName` or, without one, by
 * `<service>-<stage>-<LogicalId>` (what `Ref` of it resolves to everywhere in the local cloud;
 * CloudFormation adds a random suffix). Subscriptions: every function's `sns` event in the forms
 * the Serverless Framework accepts: a topic ARN or a topic name (the framework then creates the
 * topic), or `{ arn, topicName }` where `arn` may be `!Ref`, `Fn::GetAtt [X, TopicArn]`,
 * `Fn::ImportValue` or a string. An event whose topic cannot be resolved is listed in `skipped`.
 */
export const readSnsTopics = (stacks: readonly ServiceStack[], context: { region: string; accountId: string }) => {
  const found: SnsTopics = { topics: [], subscriptions: [], skipped: [] };
  const arnOf = (name: string) => `arn:aws:sns:${context.region}:${context.accountId}:${name}`;
  const addTopic = (topic: SnsTopicDefinition) => {
    if (!found.topics.some((known) => known.arn === topic.arn)) found.topics.push(topic);
  };
  for (const stack of stacks) {
    const references: Record<string, string> = { ...stack.intrinsics.references };
    for (const [id, resource] of Object.entries(stack.resources)) {
      if (!isPlainObject(resource) || resource.Type !== 'AWS::SNS::Topic') continue;
      const properties = isPlainObject(resource.Properties) ? resource.Properties : {};
      const name =
        resolveIntrinsic(properties.TopicName, { ...stack.intrinsics, references: {} }) ??
        `${stack.intrinsics.stackName}-${id}`;
      const arn = arnOf(name);
      references[id] = arn;
      references[`${id}.TopicArn`] = arn;
      references[`${id}.TopicName`] = name;
      const displayName = resolveIntrinsic(properties.DisplayName, stack.intrinsics);
      addTopic({ name, arn, service: stack.service, ...(displayName === undefined ? {} : { displayName }) });
    }
    const intrinsics = { ...stack.intrinsics, references };
    const functions = isPlainObject(stack.config.functions) ? stack.config.functions : {};
    for (const [functionName, definition] of Object.entries(functions)) {
      const target = stack.functions.get(functionName);
      if (!isPlainObject(definition) || target === undefined || !Array.isArray(definition.events)) continue;
      definition.events.forEach((event: unknown, index: number) => {
        if (!isPlainObject(event) || event.sns === undefined) return;
        const location = stack.at(['functions', functionName, 'events', index, 'sns']);
        const skip = (reason: string) =>
          found.skipped.push({ service: stack.service, functionName, kind: 'sns', reason, location });
        const body = event.sns;
        const settings: Record<string, unknown> = isPlainObject(body)
          ? body
          : typeof body === 'string' && body.startsWith('arn:')
            ? { arn: body }
            : { topicName: body };
        let topicArn: string | undefined;
        if (settings.arn !== undefined) {
          topicArn = resolveIntrinsic(settings.arn, intrinsics);
          if (topicArn === undefined) {
            skip(`the topic ${JSON.stringify(settings.arn)} cannot be resolved locally`);
            return;
          }
          if (!TOPIC_ARN.test(topicArn)) {
            skip(`${topicArn} is not an SNS topic ARN`);
            return;
          }
        } else if (typeof settings.topicName === 'string' && settings.topicName !== '') {
          topicArn = arnOf(settings.topicName);
          addTopic({
            name: settings.topicName,
            arn: topicArn,
            service: stack.service,
            ...(typeof settings.displayName === 'string' ? { displayName: settings.displayName } : {}),
          });
        } else {
          skip('an sns event needs a topic ARN or a topicName');
          return;
        }
        const deadLetterQueueArn = redriveTarget(settings.redrivePolicy, intrinsics);
        found.subscriptions.push({
          topicArn,
          target,
          ...(deadLetterQueueArn === undefined ? {} : { deadLetterQueueArn }),
        });
      });
    }
  }
  return found;
};
