import * as z from 'zod';
import { snsHandler, ValidationError } from '../../src/index.js';
import { loadFixture } from '../loadFixture.js';
import { captureLogs, type LogLine } from '../support/captureLogs.js';
import { lambdaContext } from '../support/lambdaContext.js';

const SERVICE = 'sns-handler-test';
process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';

const ApprovalMessage = z.object({ correlationId: z.string(), model: z.string(), taskToken: z.string() });

const event = (): LogLine => loadFixture<LogLine>('aws/sns-event.json');

describe('snsHandler', () => {
  let logs: ReturnType<typeof captureLogs>;

  beforeEach(() => {
    logs = captureLogs();
  });

  afterEach(() => {
    logs.restore();
  });

  it('hands each parsed message to the handler with its correlation id and record', async () => {
    // Prepare
    const seen: unknown[] = [];
    const handler = snsHandler({
      service: SERVICE,
      message: ApprovalMessage,
      handler: async (message, ctx) => {
        seen.push({ message, correlationId: ctx.correlationId, topic: ctx.record.Sns.TopicArn });
        ctx.logger.info('message seen');
      },
    });

    // Act
    await handler(event(), lambdaContext);

    // Assess
    expect(seen).toEqual([
      {
        message: {
          correlationId: '17793124-05d4-b198-2fde-7ededc63b103',
          model: 'churn',
          taskToken: 'AQCEAAAAKgAAAAMAAAAA+/=',
        },
        correlationId: '17793124-05d4-b198-2fde-7ededc63b103',
        topic: 'arn:aws:sns:eu-west-1:123456789012:fleet-dev-approvals',
      },
    ]);
    expect(logs.lines.find((l) => l.message === 'message seen')).toMatchObject({
      correlationId: '17793124-05d4-b198-2fde-7ededc63b103',
      snsMessageId: '95df01b4-ee98-5cb9-9903-4c221d41eb5e',
    });
  });

  it('handles every record in order, each with its own correlation id', async () => {
    // Prepare
    const sns = event();
    const second = structuredClone(sns.Records[0]);
    second.Sns.MessageId = 'm-2';
    second.Sns.Message = JSON.stringify({ correlationId: 'corr-2', model: 'churn', taskToken: 't2' });
    sns.Records.push(second);
    const ids: string[] = [];
    const handler = snsHandler({
      service: SERVICE,
      message: ApprovalMessage,
      handler: async (_m, ctx) => {
        ids.push(ctx.correlationId);
      },
    });

    // Act
    await handler(sns, lambdaContext);

    // Assess
    expect(ids).toEqual(['17793124-05d4-b198-2fde-7ededc63b103', 'corr-2']);
  });

  it('falls back to the SNS message id when the message carries no correlation id', async () => {
    // Prepare
    const sns = event();
    sns.Records[0].Sns.Message = JSON.stringify({ model: 'churn' });
    let seen = '';
    const handler = snsHandler({
      service: SERVICE,
      message: z.object({ model: z.string() }),
      handler: async (_m, ctx) => {
        seen = ctx.correlationId;
      },
    });

    // Act
    await handler(sns, lambdaContext);

    // Assess
    expect(seen).toBe('95df01b4-ee98-5cb9-9903-4c221d41eb5e');
  });

  it.each([
    ['not JSON', '{"model": ', 'Records.0.Sns.Message: not valid JSON'],
    ['missing a field', '{"correlationId": "c", "model": "churn"}', 'Records.0.Sns.Message.taskToken:'],
  ])('throws ValidationError for a message %s, without running the handler', async (_what, message, field) => {
    // Prepare
    const sns = event();
    sns.Records[0].Sns.Message = message;
    const inner = jest.fn();
    const handler = snsHandler({ service: SERVICE, message: ApprovalMessage, handler: inner });

    // Act
    const error = await handler(sns, lambdaContext).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain(field);
    expect(inner).not.toHaveBeenCalled();
    expect(logs.lines.filter((l) => l.level === 'ERROR')).toHaveLength(1);
  });

  it('throws ValidationError for an event without records', async () => {
    // Prepare
    const handler = snsHandler({ service: SERVICE, message: ApprovalMessage, handler: jest.fn() });

    // Act
    const error = await handler({ Records: [] }, lambdaContext).catch((e: unknown) => e);

    // Assess
    expect((error as Error).message).toContain('Records:');
  });

  it('logs a handler failure once with the correlation id and rethrows it so Lambda retries', async () => {
    // Prepare
    class StoreTokenError extends Error {
      constructor(message: string, options?: ErrorOptions) {
        super(message, options);
        this.name = 'StoreTokenError';
      }
    }
    const handler = snsHandler({
      service: SERVICE,
      message: ApprovalMessage,
      handler: async () => {
        throw new StoreTokenError('cannot store the task token', { cause: new Error('ProvisionedThroughputExceeded') });
      },
    });

    // Act
    const error = await handler(event(), lambdaContext).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(StoreTokenError);
    const errors = logs.lines.filter((l) => l.level === 'ERROR');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      correlationId: '17793124-05d4-b198-2fde-7ededc63b103',
      error: { name: 'StoreTokenError', cause: { message: 'ProvisionedThroughputExceeded' } },
    });
  });

  it('uses a correlationId message attribute when validation fails before the message is read', async () => {
    // Prepare
    const sns = event();
    sns.Records[0].Sns.Message = 'not json';
    sns.Records[0].Sns.MessageAttributes = { correlationId: { Type: 'String', Value: 'corr-attr' } };
    const handler = snsHandler({ service: SERVICE, message: ApprovalMessage, handler: jest.fn() });

    // Act
    await handler(sns, lambdaContext).catch(() => undefined);

    // Assess
    expect(logs.lines.find((l) => l.level === 'ERROR')?.correlationId).toBe('corr-attr');
  });
});
