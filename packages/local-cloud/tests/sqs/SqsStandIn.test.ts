import path from 'node:path';
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListQueuesCommand,
  PurgeQueueCommand,
  PurgeQueueInProgress,
  QueueDoesNotExist,
  ReceiptHandleIsInvalid,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
  SQSServiceException,
  TooManyEntriesInBatchRequest,
} from '@aws-sdk/client-sqs';
import { LocalCloud } from '../../src/LocalCloud.js';

const rootDir = path.join(__dirname, '..', 'fixtures', 'deadletters');

describe('SqsStandIn over HTTP with the SDK client', () => {
  let cloud: LocalCloud;
  let client: SQSClient;
  let queueUrl: string;

  beforeAll(async () => {
    cloud = await LocalCloud.start({ rootDir });
    client = new SQSClient({
      endpoint: cloud.endpoints.sqs,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    });
  });

  afterAll(async () => {
    client.destroy();
    await cloud.stop();
  });

  beforeEach(async () => {
    ({ QueueUrl: queueUrl = '' } = await client.send(new GetQueueUrlCommand({ QueueName: 'shop-local-jobs-dlq' })));
    await cloud.tick('61s');
    await client.send(new PurgeQueueCommand({ QueueUrl: queueUrl }));
  });

  const counts = async () => {
    const { Attributes } = await client.send(
      new GetQueueAttributesCommand({
        QueueUrl: queueUrl,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    return Attributes;
  };

  it('has the queues of every stack, named by QueueName, at URLs on its own endpoint', async () => {
    // Act
    const { QueueUrls } = await client.send(new ListQueuesCommand({}));

    // Assess
    expect(QueueUrls).toEqual([
      `${cloud.endpoints.sqs}/123456789012/shop-local-dlq`,
      `${cloud.endpoints.sqs}/123456789012/shop-local-jobs-dlq`,
    ]);
    const { Attributes } = await client.send(
      new GetQueueAttributesCommand({ QueueUrl: QueueUrls?.[0], AttributeNames: ['All'] }),
    );
    expect(Attributes).toMatchObject({
      QueueArn: 'arn:aws:sqs:eu-west-1:123456789012:shop-local-dlq',
      MessageRetentionPeriod: '1209600',
      VisibilityTimeout: '30',
      ApproximateNumberOfMessages: '0',
    });
  });

  it('sends, receives with attributes, hides for the visibility timeout on the local clock, and deletes', async () => {
    // Arrange
    const sent = await client.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: '{"job":1}',
        MessageAttributes: {
          ERROR_CODE: { DataType: 'String', StringValue: 'NO_RESOURCE' },
          RETRY_ATTEMPTS: { DataType: 'Number', StringValue: '0' },
        },
      }),
    );

    // Act
    const { Messages } = await client.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        VisibilityTimeout: 60,
        MessageAttributeNames: ['ERROR_.*'],
        MessageSystemAttributeNames: ['ApproximateReceiveCount', 'SentTimestamp'],
      }),
    );

    // Assess
    expect(Messages).toEqual([
      expect.objectContaining({
        MessageId: sent.MessageId,
        Body: '{"job":1}',
        MessageAttributes: { ERROR_CODE: { DataType: 'String', StringValue: 'NO_RESOURCE' } },
        Attributes: { ApproximateReceiveCount: '1', SentTimestamp: String(cloud.clock.nowMs()) },
      }),
    ]);
    expect(sent.MD5OfMessageAttributes).toMatch(/^[0-9a-f]{32}$/);
    expect(await counts()).toEqual({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '1' });
    const again = await client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    expect(again.Messages ?? []).toEqual([]);

    await cloud.tick('61s');
    expect(await counts()).toEqual({ ApproximateNumberOfMessages: '1', ApproximateNumberOfMessagesNotVisible: '0' });
    const redelivered = await client.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MessageSystemAttributeNames: ['All'] }),
    );
    expect(redelivered.Messages?.[0].Attributes?.ApproximateReceiveCount).toBe('2');

    await client.send(
      new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: redelivered.Messages?.[0].ReceiptHandle }),
    );
    expect(await counts()).toEqual({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '0' });
  });

  it('makes a message visible again with ChangeMessageVisibility', async () => {
    // Arrange
    await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'again' }));
    const { Messages } = await client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));

    // Act
    await client.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: queueUrl,
        ReceiptHandle: Messages?.[0].ReceiptHandle,
        VisibilityTimeout: 0,
      }),
    );

    // Assess
    expect(await counts()).toEqual({ ApproximateNumberOfMessages: '1', ApproximateNumberOfMessagesNotVisible: '0' });
  });

  it('sends and deletes in batches, reporting each entry that failed', async () => {
    // Act
    const sent = await client.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: [
          { Id: 'a', MessageBody: 'one' },
          { Id: 'b', MessageBody: 'two' },
        ],
      }),
    );
    const { Messages = [] } = await client.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }),
    );
    const deleted = await client.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: [
          ...Messages.map((message, index) => ({ Id: `m${index}`, ReceiptHandle: message.ReceiptHandle })),
          { Id: 'bad', ReceiptHandle: 'not-a-handle' },
        ],
      }),
    );

    // Assess
    expect(sent.Successful?.map((entry) => entry.Id)).toEqual(['a', 'b']);
    expect(Messages.map((message) => message.Body)).toEqual(['one', 'two']);
    expect(deleted.Successful?.map((entry) => entry.Id)).toEqual(['m0', 'm1']);
    expect(deleted.Failed).toEqual([
      expect.objectContaining({ Id: 'bad', SenderFault: true, Code: 'ReceiptHandleIsInvalid' }),
    ]);
    expect(await counts()).toEqual({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '0' });
  });

  it("answers with SQS's errors", async () => {
    // Assess
    const unknown = client.send(new GetQueueUrlCommand({ QueueName: 'shop-local-nothing' }));
    await expect(unknown).rejects.toThrow(QueueDoesNotExist);
    await expect(unknown).rejects.toMatchObject({ Code: 'AWS.SimpleQueueService.NonExistentQueue' });
    await expect(
      client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: 'forged' })),
    ).rejects.toThrow(ReceiptHandleIsInvalid);
    await expect(
      client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 11 })),
    ).rejects.toMatchObject({ name: 'InvalidParameterValue', $metadata: { httpStatusCode: 400 } });
    await expect(
      client.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: Array.from({ length: 11 }, (_, index) => ({ Id: `e${index}`, MessageBody: 'x' })),
        }),
      ),
    ).rejects.toThrow(TooManyEntriesInBatchRequest);
    await expect(client.send(new PurgeQueueCommand({ QueueUrl: queueUrl }))).rejects.toThrow(PurgeQueueInProgress);
    await expect(
      client.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['Nonsense' as 'All'] })),
    ).rejects.toThrow(SQSServiceException);
  });
});
