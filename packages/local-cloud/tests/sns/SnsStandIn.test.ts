import path from 'node:path';
import {
  GetTopicAttributesCommand,
  InvalidParameterException,
  InvalidParameterValueException,
  ListSubscriptionsByTopicCommand,
  ListTopicsCommand,
  NotFoundException,
  PublishCommand,
  SNSClient,
} from '@aws-sdk/client-sns';
import { AwsServiceError } from '../../src/http/AwsServiceError.js';
import { LocalCloud } from '../../src/LocalCloud.js';
import { MAX_SNS_MESSAGE_BYTES, type SnsLambdaEvent } from '../../src/sns/index.js';

const rootDir = path.join(__dirname, '..', 'fixtures', 'sns');
const region = 'eu-west-1';
const accountId = '123456789012';
const topicArn = (name: string) => `arn:aws:sns:${region}:${accountId}:${name}`;
const approvals = topicArn('shop-local-approvals');
const audit = topicArn('shop-alerts-local-AuditTopic');

describe('SnsStandIn over HTTP with the SDK client', () => {
  let cloud: LocalCloud;
  let client: SNSClient;

  beforeAll(async () => {
    cloud = await LocalCloud.start({ rootDir });
    client = new SNSClient({
      endpoint: cloud.endpoints.sns,
      region,
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    });
  });

  afterAll(async () => {
    client.destroy();
    await cloud.stop();
  });

  /** The SNS events the fixture functions received since `from`, by deployed name. */
  const deliveries = (from: number) =>
    cloud
      .invocations()
      .slice(from)
      .map((record) => ({
        functionName: record.functionName,
        event: (record.result as { event: SnsLambdaEvent }).event,
      }));

  it('lists the topics of AWS::SNS::Topic resources and of sns events, named as CloudFormation and the framework name them', async () => {
    // Act
    const { Topics } = await client.send(new ListTopicsCommand({}));

    // Assess
    expect(Topics?.map((topic) => topic.TopicArn)).toEqual([
      approvals,
      audit,
      topicArn('shop-named'),
      topicArn('shop-digest'),
    ]);
  });

  it('reports an sns event whose topic cannot be resolved as skipped', () => {
    // Assess
    expect(cloud.rules.skipped).toEqual([
      expect.objectContaining({
        functionName: 'unresolved',
        kind: 'sns',
        reason: expect.stringContaining('cannot be resolved locally'),
      }),
    ]);
  });

  it('lists the Lambda subscriptions of a topic', async () => {
    // Act
    const { Subscriptions } = await client.send(new ListSubscriptionsByTopicCommand({ TopicArn: approvals }));

    // Assess
    expect(Subscriptions).toEqual([
      {
        Owner: accountId,
        Protocol: 'lambda',
        Endpoint: `arn:aws:lambda:${region}:${accountId}:function:shop-alerts-local-onApproval`,
        SubscriptionArn: expect.stringMatching(new RegExp(`^${approvals}:[0-9a-f-]{36}$`)),
        TopicArn: approvals,
      },
      expect.objectContaining({
        Endpoint: `arn:aws:lambda:${region}:${accountId}:function:shop-alerts-local-onAudit`,
      }),
    ]);
  });

  it('gives a topic its attributes', async () => {
    // Act
    const { Attributes } = await client.send(new GetTopicAttributesCommand({ TopicArn: approvals }));

    // Assess
    expect(Attributes).toMatchObject({
      TopicArn: approvals,
      Owner: accountId,
      DisplayName: 'Approvals',
      SubscriptionsConfirmed: '2',
      SubscriptionsPending: '0',
    });
    expect(JSON.parse(Attributes?.Policy ?? '{}').Statement[0].Resource).toBe(approvals);
  });

  it('delivers a published message to every subscribed function with the documented SNS event', async () => {
    // Prepare
    const from = cloud.invocations().length;

    // Act
    const { MessageId } = await client.send(
      new PublishCommand({
        TopicArn: approvals,
        Subject: 'Approve churn v3',
        Message: '{"approvalId":"a-1"}',
        MessageAttributes: {
          model: { DataType: 'String', StringValue: 'churn' },
          attempt: { DataType: 'Number', StringValue: '2' },
          blob: { DataType: 'Binary', BinaryValue: Buffer.from([1, 2, 255]) },
        },
      }),
    );
    await cloud.settle();

    // Assess
    expect(MessageId).toMatch(/^[0-9a-f-]{36}$/);
    const delivered = deliveries(from);
    expect(delivered.map((delivery) => delivery.functionName).sort()).toEqual(['onApproval', 'onAudit']);
    const [record] = delivered[0].event.Records;
    expect(delivered[0].event.Records).toHaveLength(1);
    expect(record).toEqual({
      EventVersion: '1.0',
      EventSubscriptionArn: expect.stringMatching(new RegExp(`^${approvals}:`)),
      EventSource: 'aws:sns',
      Sns: {
        Type: 'Notification',
        MessageId,
        TopicArn: approvals,
        Subject: 'Approve churn v3',
        Message: '{"approvalId":"a-1"}',
        Timestamp: cloud.now().toISOString(),
        SignatureVersion: '1',
        Signature: expect.any(String),
        SigningCertUrl: expect.stringMatching(/^https:\/\/sns\.eu-west-1\.amazonaws\.com\/.+\.pem$/),
        UnsubscribeUrl: expect.stringContaining('Action=Unsubscribe&SubscriptionArn='),
        MessageAttributes: {
          model: { Type: 'String', Value: 'churn' },
          attempt: { Type: 'Number', Value: '2' },
          blob: { Type: 'Binary', Value: Buffer.from([1, 2, 255]).toString('base64') },
        },
      },
    });
    expect(cloud.snsMessages().at(-1)).toMatchObject({ messageId: MessageId, deliveredTo: expect.any(Array) });
  });

  it('gives Subject null when the message has none, and delivers to a topic an sns event created', async () => {
    // Prepare
    const from = cloud.invocations().length;

    // Act
    await client.send(new PublishCommand({ TopicArn: topicArn('shop-digest'), Message: 'digest' }));
    await cloud.settle();

    // Assess
    const delivered = deliveries(from);
    expect(delivered.map((delivery) => delivery.functionName)).toEqual(['onNamed']);
    expect(delivered[0].event.Records[0].Sns).toMatchObject({
      Subject: null,
      Message: 'digest',
      MessageAttributes: {},
    });
  });

  it('publishes in process with publish() the same way', async () => {
    // Prepare
    const from = cloud.invocations().length;

    // Act
    const { messageId } = await cloud.sns.publish({
      topicArn: audit,
      message: 'token',
      messageAttributes: { kind: { DataType: 'String', StringValue: 'approval' } },
    });
    await cloud.settle();

    // Assess
    const delivered = deliveries(from);
    expect(delivered.map((delivery) => delivery.functionName)).toEqual(['onAudit', 'onArn']);
    expect(delivered[0].event.Records[0].Sns).toMatchObject({
      MessageId: messageId,
      TopicArn: audit,
      MessageAttributes: { kind: { Type: 'String', Value: 'approval' } },
    });
  });

  it('throws NotFound from publish() for an unknown topic', async () => {
    // Act
    const publishing = cloud.sns.publish({ topicArn: topicArn('nowhere'), message: 'x' });

    // Assess
    await expect(publishing).rejects.toThrow(AwsServiceError);
    await expect(publishing).rejects.toMatchObject({ code: 'NotFound', statusCode: 404 });
  });

  it.each([
    ['an unknown topic', { TopicArn: topicArn('nowhere'), Message: 'x' }, NotFoundException, 'Topic does not exist'],
    ['no TopicArn', { Message: 'x' }, InvalidParameterException, 'Invalid parameter: TopicArn or TargetArn'],
    [
      'a malformed TopicArn',
      { TopicArn: 'approvals', Message: 'x' },
      InvalidParameterException,
      'Invalid parameter: TopicArn',
    ],
    [
      'an empty message',
      { TopicArn: approvals, Message: '' },
      InvalidParameterException,
      'Invalid parameter: Empty message',
    ],
    [
      'a message over 256 KiB',
      { TopicArn: approvals, Message: 'x'.repeat(MAX_SNS_MESSAGE_BYTES + 1) },
      InvalidParameterException,
      'Invalid parameter: Message too long',
    ],
    [
      'a message that fits alone but not with its attributes',
      {
        TopicArn: approvals,
        Message: 'x'.repeat(MAX_SNS_MESSAGE_BYTES - 5),
        MessageAttributes: { model: { DataType: 'String', StringValue: 'churn' } },
      },
      InvalidParameterException,
      'Invalid parameter: Message too long',
    ],
    [
      'a subject over 100 characters',
      { TopicArn: approvals, Message: 'x', Subject: 's'.repeat(101) },
      InvalidParameterException,
      'Invalid parameter: Subject',
    ],
    [
      'an attribute of an unknown type',
      { TopicArn: approvals, Message: 'x', MessageAttributes: { a: { DataType: 'Text', StringValue: 'v' } } },
      InvalidParameterValueException,
      "The message attribute 'a' has an invalid message attribute type",
    ],
    [
      'a Number attribute that is not a number',
      { TopicArn: approvals, Message: 'x', MessageAttributes: { a: { DataType: 'Number', StringValue: 'ten' } } },
      InvalidParameterValueException,
      "Could not cast message attribute 'a' value to number.",
    ],
  ])('refuses %s with the SDK exception SNS gives', async (_case, input, exception, message) => {
    // Prepare
    const published = cloud.snsMessages().length;

    // Act
    const publishing = client.send(new PublishCommand(input as never));

    // Assess
    await expect(publishing).rejects.toThrow(exception);
    await expect(publishing).rejects.toThrow(message);
    expect(cloud.snsMessages()).toHaveLength(published);
  });

  it('answers NotFound for the subscriptions and attributes of an unknown topic', async () => {
    // Act
    const listing = client.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn('nowhere') }));
    const describing = client.send(new GetTopicAttributesCommand({ TopicArn: topicArn('nowhere') }));

    // Assess
    await expect(listing).rejects.toThrow(NotFoundException);
    await expect(describing).rejects.toThrow(NotFoundException);
  });

  it('answers InvalidAction for an action it does not serve', async () => {
    // Act
    const response = await fetch(cloud.endpoints.sns, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=CreateTopic&Version=2010-03-31&Name=x',
    });

    // Assess
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(body).toContain('<Code>InvalidAction</Code>');
    expect(body).toContain('<Type>Sender</Type>');
  });
});
