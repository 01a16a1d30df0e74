import path from 'node:path';
import { GetQueueUrlCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { LocalCloud } from '../../src/LocalCloud.js';
import { failures } from '../fixtures/deadletters/services/jobs/src/jobs.js';

const rootDir = path.join(__dirname, '..', 'fixtures', 'deadletters');

describe('dead letters in the queues of the stacks', () => {
  let cloud: LocalCloud;
  let client: SQSClient;

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

  afterEach(() => {
    failures.failing = false;
  });

  const receiveAll = async (queueName: string) => {
    const { QueueUrl } = await client.send(new GetQueueUrlCommand({ QueueName: queueName }));
    const { Messages = [] } = await client.send(
      new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, MessageAttributeNames: ['All'] }),
    );
    return Messages;
  };

  it("sends a failed asynchronous invocation's record to its on-failure destination queue, keeping the in-memory dead letter", async () => {
    // Arrange
    failures.failing = true;

    // Act
    await cloud.inject({ source: 'shop.jobs', 'detail-type': 'Job Submitted', detail: { job: 7 } }, 'custom');

    // Assess
    const [message, ...others] = await receiveAll('shop-local-dlq');
    expect(others).toEqual([]);
    const record = JSON.parse(message.Body ?? '');
    const attempts = cloud.invocations().filter((invocation) => invocation.deployedName === 'shop-jobs-local-process');
    expect(record).toEqual({
      version: '1.0',
      timestamp: cloud.deadLetters()[0]?.failedAt,
      requestContext: {
        requestId: attempts.at(-1)?.requestId,
        functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:shop-jobs-local-process:$LATEST',
        condition: 'RetriesExhausted',
        approximateInvokeCount: 2,
      },
      requestPayload: expect.objectContaining({ source: 'shop.jobs', detail: { job: 7 } }),
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: expect.objectContaining({
        errorType: 'JobFailedError',
        errorMessage: 'the job cannot be processed',
      }),
    });
    expect(cloud.deadLetters()).toEqual([
      expect.objectContaining({
        deployedName: 'shop-jobs-local-process',
        destination: 'arn:aws:sqs:eu-west-1:123456789012:shop-local-dlq',
      }),
    ]);
    expect(cloud.sqs.undelivered).toEqual([]);
  });

  it("sends an event its target cannot be given to the rule's target dead-letter queue, with EventBridge's attributes", async () => {
    // Act
    const event = await cloud.inject(
      { source: 'shop.transform', 'detail-type': 'Job Submitted', detail: { job: 'say "hi"' } },
      'custom',
    );

    // Assess
    const [message, ...others] = await receiveAll('shop-local-dlq');
    expect(others).toEqual([]);
    expect(JSON.parse(message.Body ?? '')).toEqual(event);
    const attribute = (name: string) => message.MessageAttributes?.[name]?.StringValue;
    expect(attribute('RULE_ARN')).toBe(
      'arn:aws:events:eu-west-1:123456789012:rule/shop-local/shop-jobs-local-transformed-rule-1',
    );
    expect(attribute('TARGET_ARN')).toBe('arn:aws:lambda:eu-west-1:123456789012:function:shop-jobs-local-transformed');
    expect(attribute('ERROR_CODE')).toBe('TRANSFORMATION_ERROR');
    expect(attribute('ERROR_MESSAGE')).toEqual(expect.any(String));
  });
});
