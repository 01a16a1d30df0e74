import { LocalClock } from '../../src/clock/LocalClock.js';
import type { FunctionTarget } from '../../src/serverless/LocalRule.js';
import { SnsStandIn } from '../../src/sns/SnsStandIn.js';
import type { SqsMessageAttribute } from '../../src/sqs/md5OfMessageAttributes.js';
import type { StandInContext } from '../../src/standIn/LocalStandIn.js';

const topicArn = 'arn:aws:sns:eu-west-1:123456789012:shop-local-jobs';
const queueArn = 'arn:aws:sqs:eu-west-1:123456789012:shop-local-jobs-dlq';

/** A context whose Lambda cannot be reached: every invocation fails as for a deleted function. */
const unreachableLambda = (): StandInContext => ({
  clock: new LocalClock({ start: '2025-06-02T09:00:00Z' }),
  region: 'eu-west-1',
  accountId: '123456789012',
  names: { stage: 'local', exports: {} },
  invoke: (target) => {
    throw new Error(`no function named ${target}`);
  },
  invokeSync: () => Promise.reject(new Error('not used')),
  putEvent: () => {
    throw new Error('not used');
  },
  drain: async () => undefined,
  listen: (_serviceId, listen) => listen(undefined),
});

describe('SNS subscription dead letters', () => {
  it('sends a message SNS cannot hand to a subscribed function to its redrive policy queue, as the notification', async () => {
    // Arrange
    const sent: { queueArn: string; body: string; attributes?: Record<string, SqsMessageAttribute> }[] = [];
    const sns = new SnsStandIn({
      topics: [{ name: 'shop-local-jobs', arn: topicArn, service: 'shop-jobs' }],
      subscriptions: [
        {
          topicArn,
          target: { deployedName: 'shop-jobs-local-process' } as FunctionTarget,
          deadLetterQueueArn: queueArn,
        },
      ],
      deadLetterQueues: { send: (arn, body, attributes) => sent.push({ queueArn: arn, body, attributes }) },
    });
    const running = await sns.start(unreachableLambda());

    try {
      // Act
      const { messageId } = await sns.publish({ topicArn, message: '{"job":3}', subject: 'Job' });

      // Assess
      expect(sent).toEqual([
        {
          queueArn,
          body: expect.any(String),
          attributes: expect.objectContaining({
            ErrorCode: { DataType: 'String', StringValue: 'NO_RESOURCE' },
            TopicArn: { DataType: 'String', StringValue: topicArn },
          }),
        },
      ]);
      expect(JSON.parse(sent[0].body)).toEqual(
        expect.objectContaining({
          Type: 'Notification',
          MessageId: messageId,
          TopicArn: topicArn,
          Subject: 'Job',
          Message: '{"job":3}',
          Timestamp: '2025-06-02T09:00:00.000Z',
        }),
      );
    } finally {
      await running.stop();
    }
  });

  it('still throws when the subscription has no redrive policy', async () => {
    // Arrange
    const sns = new SnsStandIn({
      topics: [{ name: 'shop-local-jobs', arn: topicArn, service: 'shop-jobs' }],
      subscriptions: [{ topicArn, target: { deployedName: 'shop-jobs-local-process' } as FunctionTarget }],
      deadLetterQueues: { send: () => undefined },
    });
    const running = await sns.start(unreachableLambda());

    try {
      // Act
      const publishing = sns.publish({ topicArn, message: 'x' });

      // Assess
      await expect(publishing).rejects.toThrow('no function named');
    } finally {
      await running.stop();
    }
  });
});
