import type { FleetRecord } from '@fleet/shared';
import type { DeadLetterMessage } from '../../src/redrive/DeadLetterMessage.js';
import type { RedrivePorts } from '../../src/redrive/RedrivePorts.js';
import { redriveQueue } from '../../src/redrive/redriveQueue.js';

const functionArn = 'arn:aws:lambda:eu-west-1:123456789012:function:fleet-notify-prod-send';
const topicArn = 'arn:aws:sns:eu-west-1:123456789012:fleet-prod-approvals';

const destinationRecord = (payload: unknown) =>
  JSON.stringify({
    version: '1.0',
    timestamp: '2025-06-02T09:00:00.000Z',
    requestContext: { requestId: 'r', functionArn, condition: 'RetriesExhausted', approximateInvokeCount: 3 },
    requestPayload: payload,
    responsePayload: { errorType: 'Boom', errorMessage: 'it broke' },
  });

/** An in-memory queue and account: what was invoked, recorded, deleted and released. */
const fakePorts = (bodies: string[], overrides: Partial<RedrivePorts> = {}) => {
  const queue: DeadLetterMessage[] = bodies.map((body, index) => ({
    messageId: `m-${index}`,
    receiptHandle: `h-${index}`,
    body,
    attributes: {},
  }));
  const calls = {
    invoked: [] as { functionArn: string; payload: unknown }[],
    records: [] as FleetRecord[],
    deleted: [] as string[],
    released: [] as string[],
  };
  const ports: RedrivePorts = {
    queue: {
      name: 'fleet-prod-dlq',
      // A receive returns every message still there (the visibility timeout is not modelled).
      receive: async (max) => queue.slice(0, max),
      delete: async (message) => {
        calls.deleted.push(message.messageId);
        queue.splice(queue.indexOf(message), 1);
      },
      release: async (message) => {
        calls.released.push(message.messageId);
      },
      arn: async () => 'arn:aws:sqs:eu-west-1:123456789012:fleet-prod-dlq',
    },
    invokeAsync: async (target, payload) => {
      calls.invoked.push({ functionArn: target, payload });
    },
    startExecution: async () => 'arn:execution',
    snsSubscribers: async () => [],
    putRecord: async (record) => {
      calls.records.push(record);
    },
    now: () => new Date('2025-06-02T10:00:00.000Z'),
    newId: () => 'id-1',
    ...overrides,
  };
  return { ports, calls, queue };
};

describe('redriveQueue', () => {
  it('re-sends, records and only then deletes each message it understands', async () => {
    // Arrange
    const { ports, calls, queue } = fakePorts([destinationRecord({ correlationId: 'c-1' }), destinationRecord({})]);
    const order: string[] = [];
    const tracked: RedrivePorts = {
      ...ports,
      invokeAsync: async (...args) => {
        order.push('invoke');
        await ports.invokeAsync(...args);
      },
      putRecord: async (record) => {
        order.push('record');
        await ports.putRecord(record);
      },
      queue: {
        ...ports.queue,
        delete: async (message) => {
          order.push('delete');
          await ports.queue.delete(message);
        },
      },
    };

    // Act
    const outcomes = await redriveQueue(tracked, { by: 'ops' });

    // Assess
    expect(outcomes.map((outcome) => outcome.outcome)).toEqual(['redriven', 'redriven']);
    expect(order).toEqual(['invoke', 'record', 'delete', 'invoke', 'record', 'delete']);
    expect(queue).toEqual([]);
    expect(calls.invoked).toEqual([
      { functionArn, payload: { correlationId: 'c-1' } },
      { functionArn, payload: {} },
    ]);
    expect(calls.records[0]).toEqual({
      pk: 'QUEUE#fleet-prod-dlq',
      sk: '2025-06-02T10:00:00.000Z#redrive#m-0',
      kind: 'redrive',
      id: 'm-0',
      at: '2025-06-02T10:00:00.000Z',
      correlationId: 'c-1',
      queue: 'fleet-prod-dlq',
      decision: 'redriven',
      target: functionArn,
      source: 'lambda-destination',
      errorCode: 'Boom',
      errorMessage: 'it broke',
      by: 'ops',
    });
    expect(calls.records[1].correlationId).toBe('redrive-id-1');
  });

  it('keeps a message it cannot understand, and releases it at the end', async () => {
    // Arrange
    const { ports, calls, queue } = fakePorts(['not json', destinationRecord({})]);

    // Act
    const outcomes = await redriveQueue(ports, { by: 'ops' });

    // Assess
    expect(outcomes).toEqual([
      { messageId: 'm-0', outcome: 'kept', reason: expect.stringContaining('not JSON') },
      expect.objectContaining({ messageId: 'm-1', outcome: 'redriven' }),
    ]);
    expect(queue.map((message) => message.messageId)).toEqual(['m-0']);
    expect(calls.released).toEqual(['m-0']);
  });

  it('records a failed re-send as failed and keeps the message', async () => {
    // Arrange
    const { ports, calls, queue } = fakePorts([destinationRecord({})], {
      invokeAsync: async () => {
        throw Object.assign(new Error('Function not found'), { name: 'ResourceNotFoundException' });
      },
    });

    // Act
    const [outcome] = await redriveQueue(ports, { by: 'ops' });

    // Assess
    expect(outcome).toEqual(
      expect.objectContaining({ outcome: 'kept', reason: expect.stringContaining('ResourceNotFoundException') }),
    );
    expect(calls.records).toEqual([expect.objectContaining({ decision: 'failed', failure: expect.any(String) })]);
    expect(queue).toHaveLength(1);
  });

  it('keeps a re-sent message whose record cannot be written, so nothing is deleted unrecorded', async () => {
    // Arrange
    const { ports, calls, queue } = fakePorts([destinationRecord({})], {
      putRecord: async () => {
        throw new Error('table unreachable');
      },
    });

    // Act
    const [outcome] = await redriveQueue(ports, { by: 'ops' });

    // Assess
    expect(outcome).toEqual(expect.objectContaining({ outcome: 'kept', reason: expect.stringContaining('record') }));
    expect(calls.deleted).toEqual([]);
    expect(queue).toHaveLength(1);
  });

  it('sends, records and deletes nothing in a dry run', async () => {
    // Arrange
    const { ports, calls, queue } = fakePorts([destinationRecord({})]);

    // Act
    const outcomes = await redriveQueue(ports, { by: 'ops', dryRun: true });

    // Assess
    expect(outcomes).toEqual([expect.objectContaining({ outcome: 'planned', targets: [functionArn] })]);
    expect(calls).toEqual({ invoked: [], records: [], deleted: [], released: ['m-0'] });
    expect(queue).toHaveLength(1);
  });

  it('stops after max messages', async () => {
    // Arrange
    const { ports, queue } = fakePorts([destinationRecord({}), destinationRecord({}), destinationRecord({})]);

    // Act
    const outcomes = await redriveQueue(ports, { by: 'ops', max: 2 });

    // Assess
    expect(outcomes).toHaveLength(2);
    expect(queue).toHaveLength(1);
  });

  it('re-wraps an SNS dead letter as an SNS event for each subscriber whose dead-letter queue this is', async () => {
    // Arrange
    const notification = {
      Type: 'Notification',
      MessageId: 'sns-1',
      TopicArn: topicArn,
      Message: '{"approvalId":"a1"}',
      Timestamp: '2025-06-02T09:00:00.000Z',
    };
    const asked: string[][] = [];
    const { ports, calls } = fakePorts([JSON.stringify(notification)], {
      snsSubscribers: async (topic, queueArn) => {
        asked.push([topic, queueArn]);
        return [{ subscriptionArn: `${topicArn}:redrive`, functionArn }];
      },
    });

    // Act
    const [outcome] = await redriveQueue(ports, { by: 'ops' });

    // Assess
    expect(outcome).toEqual(expect.objectContaining({ outcome: 'redriven', source: 'sns-subscription' }));
    expect(asked).toEqual([[topicArn, 'arn:aws:sqs:eu-west-1:123456789012:fleet-prod-dlq']]);
    expect(calls.invoked).toEqual([
      {
        functionArn,
        payload: {
          Records: [
            expect.objectContaining({
              EventSource: 'aws:sns',
              EventSubscriptionArn: `${topicArn}:redrive`,
              Sns: expect.objectContaining({ MessageId: 'sns-1', TopicArn: topicArn, Message: '{"approvalId":"a1"}' }),
            }),
          ],
        },
      },
    ]);
  });

  it('keeps an SNS dead letter no subscriber claims', async () => {
    // Arrange
    const { ports } = fakePorts([
      JSON.stringify({ Type: 'Notification', MessageId: 's', TopicArn: topicArn, Message: 'x', Timestamp: 't' }),
    ]);

    // Act
    const [outcome] = await redriveQueue(ports, { by: 'ops' });

    // Assess
    expect(outcome).toEqual(
      expect.objectContaining({ outcome: 'kept', reason: expect.stringContaining('no Lambda function is subscribed') }),
    );
  });
});
