import { createHash, randomUUID } from 'node:crypto';
import { AwsServiceError } from '../http/AwsServiceError.js';
import { StandInServer } from '../http/StandInServer.js';
import type { HttpRequest, HttpResponse } from '../http/startHttpServer.js';
import type { SnsSubscriptionDefinition, SnsTopicDefinition } from '../serverless/readSnsTopics.js';
import type { DeadLetterQueues } from '../sqs/SqsStandIn.js';
import type { LocalStandIn, RunningStandIn, StandInContext } from '../standIn/LocalStandIn.js';
import { awsQueryErrorResponse, awsQueryResponse, mapEntries, readQueryMap, toXml } from './awsQuery.js';
import { snsLambdaEvent } from './snsLambdaEvent.js';
import { type SnsMessageAttributeInput, validatePublish } from './validatePublish.js';

/** What `SnsStandIn.publish` takes: the Publish request in the shape the Step Functions integration passes it. */
export type SnsPublishInput = {
  topicArn: string;
  message: string;
  subject?: string;
  messageAttributes?: Record<string, { DataType: string; StringValue?: string }>;
};

/** A message SNS accepted, and the functions it was delivered to. */
export type PublishedSnsMessage = {
  messageId: string;
  topicArn: string;
  subject?: string;
  message: string;
  messageAttributes: Record<string, { Type: string; Value: string }>;
  /** By the local clock (ISO 8601). */
  publishedAt: string;
  /** Deployed names of the subscribed functions it was delivered to. */
  deliveredTo: string[];
};

type Subscription = {
  arn: string;
  topicArn: string;
  functionArn: string;
  deployedName: string;
  deadLetterQueueArn?: string;
};

const PAGE_SIZE = 100;

/** The notification (JSON) SNS sends to an endpoint, from the Lambda event of the same message. */
const snsNotification = (event: ReturnType<typeof snsLambdaEvent>) => {
  const { Sns } = event.Records[0];
  return {
    Type: Sns.Type,
    MessageId: Sns.MessageId,
    TopicArn: Sns.TopicArn,
    ...(Sns.Subject === null ? {} : { Subject: Sns.Subject }),
    Message: Sns.Message,
    Timestamp: Sns.Timestamp,
    SignatureVersion: Sns.SignatureVersion,
    Signature: Sns.Signature,
    SigningCertURL: Sns.SigningCertUrl,
    UnsubscribeURL: Sns.UnsubscribeUrl,
    ...(Object.keys(Sns.MessageAttributes).length === 0 ? {} : { MessageAttributes: Sns.MessageAttributes }),
  };
};

/** A subscription ARN as SNS gives it (`<topic ARN>:<uuid>`), the same for the same topic and function. */
const subscriptionArn = (topicArn: string, functionName: string): string => {
  const hex = createHash('sha256').update(`${topicArn}\n${functionName}`).digest('hex');
  return `${topicArn}:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};

const page = <T>(items: T[], token: string | null): { items: T[]; nextToken?: string } => {
  const offset = token === null ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0)
    throw new AwsServiceError('InvalidParameter', 'Invalid parameter: NextToken');
  const next = offset + PAGE_SIZE;
  return {
    items: items.slice(offset, next),
    ...(next < items.length ? { nextToken: Buffer.from(String(next)).toString('base64url') } : {}),
  };
};

/**
 * SNS: the topics the stacks declare and their Lambda subscriptions, over the awsQuery protocol
 * the SDK speaks to SNS (form-encoded requests, XML answers) and in process through `publish`.
 *
 * Serves Publish, ListTopics, ListSubscriptionsByTopic and GetTopicAttributes with SNS's error
 * codes (`NotFound`, `InvalidParameter`, `ParameterValueInvalid`, `InvalidAction`). Each
 * subscribed function is invoked asynchronously, as SNS invokes Lambda, with the documented SNS
 * event; the invocation settles with the cloud.
 */
export class SnsStandIn implements LocalStandIn {
  readonly name = 'sns';
  readonly #topics: readonly SnsTopicDefinition[];
  readonly #subscriptionDefinitions: readonly SnsSubscriptionDefinition[];
  readonly #published: PublishedSnsMessage[] = [];
  #subscriptions: Subscription[] = [];
  #context?: StandInContext;
  readonly #deadLetterQueues?: DeadLetterQueues;
  readonly #server = new StandInServer((request) => this.#handle(request));

  /** `deadLetterQueues`: where a message a subscribed function cannot be given goes, when its subscription has a redrive policy. */
  constructor(options: {
    topics: readonly SnsTopicDefinition[];
    subscriptions: readonly SnsSubscriptionDefinition[];
    deadLetterQueues?: DeadLetterQueues;
  }) {
    this.#topics = options.topics;
    this.#subscriptionDefinitions = options.subscriptions;
    this.#deadLetterQueues = options.deadLetterQueues;
  }

  async start(context: StandInContext): Promise<RunningStandIn> {
    this.#context = context;
    this.#subscriptions = this.#subscriptionDefinitions.map(({ topicArn, target, deadLetterQueueArn }) => ({
      arn: subscriptionArn(topicArn, target.deployedName),
      topicArn,
      functionArn: `arn:aws:lambda:${context.region}:${context.accountId}:function:${target.deployedName}`,
      deployedName: target.deployedName,
      ...(deadLetterQueueArn === undefined ? {} : { deadLetterQueueArn }),
    }));
    const endpoint = await context.listen('sns', (port) => this.#server.listen({ port }));
    return { endpoints: { sns: endpoint }, stop: () => this.#server.close() };
  }

  /** The topics, as declared by the stacks. */
  get topics(): readonly SnsTopicDefinition[] {
    return this.#topics;
  }

  /** Every message accepted so far, oldest first. */
  published(): readonly PublishedSnsMessage[] {
    return this.#published;
  }

  /**
   * Publishes a message to a topic in process, as the HTTP `Publish` does: validated the same
   * way, delivered asynchronously to every subscribed function.
   *
   * @throws AwsServiceError `NotFound` for an unknown topic, `InvalidParameter` or
   * `ParameterValueInvalid` for a request SNS would refuse
   */
  async publish(input: SnsPublishInput): Promise<{ messageId: string }> {
    return this.#publish(input);
  }

  #publish(input: {
    topicArn?: string;
    message?: string;
    subject?: string;
    messageAttributes?: Record<string, SnsMessageAttributeInput>;
  }): { messageId: string } {
    const context = this.#started();
    const messageAttributes = validatePublish(input);
    const topicArn = input.topicArn as string;
    this.#topic(topicArn);
    const messageId = randomUUID();
    const timestamp = context.clock.now();
    const subscriptions = this.#subscriptions.filter((subscription) => subscription.topicArn === topicArn);
    this.#published.push({
      messageId,
      topicArn,
      ...(input.subject === undefined ? {} : { subject: input.subject }),
      message: input.message as string,
      messageAttributes,
      publishedAt: timestamp.toISOString(),
      deliveredTo: subscriptions.map((subscription) => subscription.deployedName),
    });
    for (const subscription of subscriptions) {
      const event = snsLambdaEvent({
        messageId,
        topicArn,
        subscriptionArn: subscription.arn,
        ...(input.subject === undefined ? {} : { subject: input.subject }),
        message: input.message as string,
        timestamp,
        messageAttributes,
        region: context.region,
      });
      try {
        context.invoke(subscription.functionArn, event, { kind: 'direct', source: 'aws.sns', ruleName: topicArn });
      } catch (error) {
        // SNS could not hand the message to Lambda (a client-side error): with a redrive policy it
        // goes to the subscription's dead-letter queue, as the notification SNS would have sent.
        if (subscription.deadLetterQueueArn === undefined || this.#deadLetterQueues === undefined) throw error;
        this.#deadLetterQueues.send(subscription.deadLetterQueueArn, JSON.stringify(snsNotification(event)), {
          ErrorCode: { DataType: 'String', StringValue: 'NO_RESOURCE' },
          ErrorMessage: { DataType: 'String', StringValue: (error as Error).message.slice(0, 1024) },
          TopicArn: { DataType: 'String', StringValue: topicArn },
        });
      }
    }
    return { messageId };
  }

  #started(): StandInContext {
    if (this.#context === undefined) throw new Error('the SNS stand-in is not started');
    return this.#context;
  }

  #topic(topicArn: string | null | undefined): SnsTopicDefinition {
    const topic = this.#topics.find((known) => known.arn === topicArn);
    if (topic === undefined) throw new AwsServiceError('NotFound', 'Topic does not exist', 404);
    return topic;
  }

  async #handle(request: HttpRequest): Promise<HttpResponse> {
    try {
      const params = new URLSearchParams(request.method === 'POST' ? request.body : request.query.toString());
      const action = params.get('Action') ?? '';
      const optional = (name: string) => params.get(name) ?? undefined;
      switch (action) {
        case 'Publish': {
          const { messageId } = this.#publish({
            topicArn: optional('TopicArn') ?? optional('TargetArn'),
            message: optional('Message'),
            subject: optional('Subject'),
            messageAttributes: readQueryMap(params, 'MessageAttributes') as
              | Record<string, SnsMessageAttributeInput>
              | undefined,
          });
          return awsQueryResponse(action, toXml({ MessageId: messageId }));
        }
        case 'ListTopics': {
          const { items, nextToken } = page([...this.#topics], params.get('NextToken'));
          return awsQueryResponse(
            action,
            toXml({ Topics: items.map((topic) => ({ TopicArn: topic.arn })), NextToken: nextToken }),
          );
        }
        case 'ListSubscriptionsByTopic': {
          const topic = this.#topic(params.get('TopicArn'));
          const subscriptions = this.#subscriptions.filter((subscription) => subscription.topicArn === topic.arn);
          const { items, nextToken } = page(subscriptions, params.get('NextToken'));
          return awsQueryResponse(
            action,
            toXml({
              Subscriptions: items.map((subscription) => ({
                Owner: this.#started().accountId,
                Protocol: 'lambda',
                Endpoint: subscription.functionArn,
                SubscriptionArn: subscription.arn,
                TopicArn: subscription.topicArn,
              })),
              NextToken: nextToken,
            }),
          );
        }
        case 'GetTopicAttributes':
          return awsQueryResponse(
            action,
            `<Attributes>${mapEntries(this.#attributes(this.#topic(params.get('TopicArn'))))}</Attributes>`,
          );
        default:
          throw new AwsServiceError('InvalidAction', `Could not find operation ${action} for version 2010-03-31`, 400);
      }
    } catch (error) {
      if (error instanceof AwsServiceError) return awsQueryErrorResponse(error);
      return awsQueryErrorResponse(new AwsServiceError('InternalError', (error as Error).message, 500));
    }
  }

  #attributes(topic: SnsTopicDefinition): Record<string, string> {
    const { accountId } = this.#started();
    const confirmed = this.#subscriptions.filter((subscription) => subscription.topicArn === topic.arn).length;
    return {
      TopicArn: topic.arn,
      Owner: accountId,
      DisplayName: topic.displayName ?? '',
      SubscriptionsConfirmed: String(confirmed),
      SubscriptionsPending: '0',
      SubscriptionsDeleted: '0',
      Policy: JSON.stringify({
        Version: '2008-10-17',
        Id: '__default_policy_ID',
        Statement: [
          {
            Sid: '__default_statement_ID',
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Action: ['SNS:Publish', 'SNS:Subscribe', 'SNS:GetTopicAttributes', 'SNS:ListSubscriptionsByTopic'],
            Resource: topic.arn,
            Condition: { StringEquals: { 'AWS:SourceOwner': accountId } },
          },
        ],
      }),
    };
  }
}
