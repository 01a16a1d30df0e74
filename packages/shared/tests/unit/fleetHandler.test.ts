import * as z from 'zod';
import { createObservability, fleetEventSchema, fleetHandler, ValidationError } from '../../src/index.js';
import { loadFixture } from '../loadFixture.js';
import { captureLogs, type LogLine } from '../support/captureLogs.js';
import { lambdaContext } from '../support/lambdaContext.js';

const SERVICE = 'fleet-handler-test';
// Powertools resets the level to its initial value on every warm invocation, so set it before
// the logger is created (jest gives each test file its own copy of process.env).
process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';

describe('fleetHandler', () => {
  const { logger } = createObservability(SERVICE);
  let logs: ReturnType<typeof captureLogs>;

  beforeEach(() => {
    logs = captureLogs();
  });

  afterEach(() => {
    logs.restore();
  });

  const event = () => loadFixture<LogLine>('fleet/dataset-validated.json');

  it('returns the handler result for a valid event', async () => {
    // Prepare
    const handler = fleetHandler({
      service: SERVICE,
      schema: fleetEventSchema('Dataset Validated'),
      handler: async (e) => ({ rows: e.detail.rows }),
    });

    // Act
    const result = await handler(event(), lambdaContext);

    // Assess
    expect(result).toEqual({ rows: 7043 });
  });

  it('passes the detail correlation id and adds it to every log line of the invocation', async () => {
    // Prepare
    let seen = '';
    const handler = fleetHandler({
      service: SERVICE,
      schema: fleetEventSchema('Dataset Validated'),
      handler: async (_e, ctx) => {
        seen = ctx.correlationId;
        ctx.logger.info('validated dataset seen');
        ctx.logger.debug('second line');
      },
    });

    // Act
    await handler(event(), lambdaContext);

    // Assess
    const mine = logs.lines.filter((l) => l.message === 'validated dataset seen' || l.message === 'second line');
    expect(seen).toBe('17793124-05d4-b198-2fde-7ededc63b103');
    expect(mine).toHaveLength(2);
    expect(mine.every((l) => l.correlationId === seen)).toBe(true);
    expect(mine[0].function_request_id).toBe('req-123');
  });

  it('puts the correlation id on every line the invocation logs, the metrics flush included', async () => {
    // Prepare: no metric added, so the flush logs its "no application metrics" warning.
    const handler = fleetHandler({
      service: SERVICE,
      schema: fleetEventSchema('Dataset Validated'),
      handler: async (_e, ctx) => ctx.logger.info('handled'),
    });

    // Act
    await handler(event(), lambdaContext);

    // Assess
    expect(logs.lines.length).toBeGreaterThan(1);
    expect(logs.lines.filter((l) => l.correlationId !== '17793124-05d4-b198-2fde-7ededc63b103')).toEqual([]);
  });

  it('does not leak the correlation id into the next invocation', async () => {
    // Prepare
    const handler = fleetHandler({ service: SERVICE, schema: z.unknown(), handler: async () => undefined });
    await handler(event(), lambdaContext);

    // Act
    logger.info('between invocations');

    // Assess
    const line = logs.lines.find((l) => l.message === 'between invocations');
    expect(line).toBeDefined();
    expect(line).not.toHaveProperty('correlationId');
  });

  it('uses the event id, then the request id, when the event carries no correlation id', async () => {
    // Prepare
    const ids: string[] = [];
    const handler = fleetHandler({
      service: SERVICE,
      schema: z.looseObject({ id: z.string().optional() }),
      handler: async (_e, ctx) => {
        ids.push(ctx.correlationId);
      },
    });

    // Act
    await handler({ id: 'evt-42' }, lambdaContext);
    await handler({}, lambdaContext);

    // Assess
    expect(ids).toEqual(['evt-42', 'req-123']);
  });

  it('uses a custom correlation id resolver on the validated event', async () => {
    // Prepare
    let seen = '';
    const handler = fleetHandler({
      service: SERVICE,
      schema: z.object({ approvalId: z.string() }),
      correlationId: (e) => `approval-${e.approvalId}`,
      handler: async (_e, ctx) => {
        seen = ctx.correlationId;
        ctx.logger.info('custom id');
      },
    });

    // Act
    await handler({ approvalId: 'a1' }, lambdaContext);

    // Assess
    expect(seen).toBe('approval-a1');
    expect(logs.lines.find((l) => l.message === 'custom id')?.correlationId).toBe('approval-a1');
  });

  it('throws ValidationError naming the field and logs it once, without running the handler', async () => {
    // Prepare
    const inner = jest.fn();
    const handler = fleetHandler({ service: SERVICE, schema: fleetEventSchema('Dataset Validated'), handler: inner });
    const broken = event();
    broken.detail.rows = -1;

    // Act
    const error = await handler(broken, lambdaContext).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain('detail.rows:');
    expect(inner).not.toHaveBeenCalled();
    const errors = logs.lines.filter((l) => l.level === 'ERROR');
    expect(errors).toHaveLength(1);
    expect(errors[0].fields).toEqual(['detail.rows']);
    expect(errors[0].correlationId).toBe('17793124-05d4-b198-2fde-7ededc63b103');
  });

  it('logs a thrown error once with its name, message and cause, and rethrows it', async () => {
    // Prepare
    class StartPipelineError extends Error {
      constructor(message: string, options?: ErrorOptions) {
        super(message, options);
        this.name = 'StartPipelineError';
      }
    }
    const handler = fleetHandler({
      service: SERVICE,
      schema: z.unknown(),
      handler: async () => {
        throw new StartPipelineError('cannot start churn-retrain', { cause: new Error('ResourceLimitExceeded') });
      },
    });

    // Act
    const error = await handler({ id: 'evt-1' }, lambdaContext).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(StartPipelineError);
    const errors = logs.lines.filter((l) => l.level === 'ERROR');
    expect(errors).toHaveLength(1);
    expect(errors[0].error).toMatchObject({
      name: 'StartPipelineError',
      message: 'cannot start churn-retrain',
      cause: { name: 'Error', message: 'ResourceLimitExceeded' },
    });
    expect(errors[0].correlationId).toBe('evt-1');
  });
});
