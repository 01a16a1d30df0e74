import { createHmac } from 'node:crypto';
import * as z from 'zod';
import {
  BadRequestError,
  createObservability,
  ForbiddenError,
  httpHandler,
  NotFoundError,
  UnauthorizedError,
} from '../../src/index.js';
import { loadFixture } from '../loadFixture.js';
import { captureLogs, type LogLine } from '../support/captureLogs.js';
import { lambdaContext } from '../support/lambdaContext.js';

const SERVICE = 'http-handler-test';
process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';

const request = (changes: LogLine = {}): LogLine => ({
  ...loadFixture<LogLine>('aws/http-api-request.json'),
  ...changes,
});
const bodyOf = (result: { body?: string }) => JSON.parse(result.body ?? 'null');

describe('httpHandler', () => {
  let logs: ReturnType<typeof captureLogs>;

  beforeEach(() => {
    logs = captureLogs();
  });

  afterEach(() => {
    logs.restore();
  });

  it('returns the handler result with an object body as JSON', async () => {
    // Prepare
    const handler = httpHandler({
      service: SERVICE,
      body: { schema: z.object({ approvalId: z.string(), n: z.number() }) },
      handler: async (req) => ({ statusCode: 200, body: { seen: req.body.approvalId, n: req.body.n } }),
    });

    // Act
    const result = await handler(request(), lambdaContext);

    // Assess
    expect(result.statusCode).toBe(200);
    expect(result.headers?.['content-type']).toBe('application/json');
    expect(bodyOf(result)).toEqual({ seen: 'apr-7Kq2mX', n: 1 });
  });

  it('keeps the raw body and base64-decodes it when API Gateway encoded it', async () => {
    // Prepare
    const raw = 'payload=%7B%22type%22%3A%22block_actions%22%7D&x=%C3%A9';
    const seen: string[] = [];
    const handler = httpHandler({
      service: SERVICE,
      handler: async (req) => {
        seen.push(req.rawBody);
        return { statusCode: 200, body: '' };
      },
    });

    // Act
    await handler(request({ body: Buffer.from(raw).toString('base64'), isBase64Encoded: true }), lambdaContext);
    await handler(request({ body: raw }), lambdaContext);

    // Assess
    expect(seen).toEqual([raw, raw]);
  });

  it('parses a form body and validates its fields', async () => {
    // Prepare
    const handler = httpHandler({
      service: SERVICE,
      body: { schema: z.object({ payload: z.string().transform((p) => JSON.parse(p)) }), format: 'form' },
      handler: async (req) => ({ statusCode: 200, body: req.body.payload }),
    });

    // Act
    const result = await handler(request({ body: 'payload=%7B%22type%22%3A%22block_actions%22%7D' }), lambdaContext);

    // Assess
    expect(bodyOf(result)).toEqual({ type: 'block_actions' });
  });

  it('lower-cases header names', async () => {
    // Prepare
    let signature: string | undefined;
    const handler = httpHandler({
      service: SERVICE,
      handler: async (req) => {
        signature = req.headers['x-slack-signature'];
        return { statusCode: 204 };
      },
    });

    // Act
    await handler(request({ headers: { 'X-Slack-Signature': 'v0=abc' } }), lambdaContext);

    // Assess
    expect(signature).toBe('v0=abc');
  });

  it('authorizes on the raw body before the body is parsed, answering 401 and running nothing else', async () => {
    // Prepare
    const secret = 'shh';
    const inner = jest.fn();
    const handler = httpHandler({
      service: SERVICE,
      authorize: (req) => {
        const expected = `v0=${createHmac('sha256', secret).update(req.rawBody).digest('hex')}`;
        if (req.headers['x-slack-signature'] !== expected) throw new UnauthorizedError();
      },
      body: { schema: z.object({ approvalId: z.string() }) },
      handler: inner,
    });
    const forged = request({ body: '{not json', headers: { 'x-slack-signature': 'v0=0000' } });

    // Act
    const result = await handler(forged, lambdaContext);

    // Assess
    expect(result.statusCode).toBe(401);
    expect(bodyOf(result)).toEqual({ message: 'unauthorized' });
    expect(inner).not.toHaveBeenCalled();
    expect(logs.lines.filter((l) => l.level === 'WARN' && l.error?.name === 'UnauthorizedError')).toHaveLength(1);
    expect(logs.lines.filter((l) => l.level === 'ERROR')).toHaveLength(0);
  });

  it.each([
    [new BadRequestError('missing payload'), 400, 'missing payload'],
    [new UnauthorizedError('stale timestamp'), 401, 'stale timestamp'],
    [new ForbiddenError('link expired'), 403, 'link expired'],
    [new NotFoundError(), 404, 'not found'],
  ])('answers %s with its status and message', async (error, status, message) => {
    // Prepare
    const handler = httpHandler({
      service: SERVICE,
      handler: async () => {
        throw error;
      },
    });

    // Act
    const result = await handler(request(), lambdaContext);

    // Assess
    expect(result.statusCode).toBe(status);
    expect(bodyOf(result)).toEqual({ message });
  });

  it('never throws on malformed JSON: 400 without running the handler', async () => {
    // Prepare
    const inner = jest.fn();
    const handler = httpHandler({
      service: SERVICE,
      body: { schema: z.object({ approvalId: z.string() }) },
      handler: inner,
    });

    // Act
    const result = await handler(request({ body: '{"approvalId": ' }), lambdaContext);

    // Assess
    expect(result.statusCode).toBe(400);
    expect(bodyOf(result)).toEqual({ message: 'body is not valid JSON' });
    expect(inner).not.toHaveBeenCalled();
  });

  it('answers a body against its schema with 400 naming the fields, never their values', async () => {
    // Prepare
    const handler = httpHandler({
      service: SERVICE,
      body: { schema: z.object({ approvalId: z.string(), n: z.string() }) },
      handler: async () => ({ statusCode: 200 }),
    });

    // Act
    const result = await handler(request({ body: '{"approvalId": 42, "n": "secret-value"}' }), lambdaContext);

    // Assess
    expect(result.statusCode).toBe(400);
    expect(bodyOf(result)).toEqual({ message: 'invalid request body', fields: ['approvalId'] });
    expect(result.body).not.toContain('42');
  });

  it.each([
    ['null', null],
    ['a string', 'GET /'],
    ['an event without requestContext', { rawPath: '/x' }],
    ['an EventBridge event', { id: 'e1', 'detail-type': 'x', detail: {} }],
  ])('never throws on %s: 400', async (_what, event) => {
    // Prepare
    const inner = jest.fn();
    const handler = httpHandler({ service: SERVICE, handler: inner });

    // Act
    const result = await handler(event, lambdaContext);

    // Assess
    expect(result.statusCode).toBe(400);
    expect(inner).not.toHaveBeenCalled();
  });

  it('never throws on an unexpected error: a generic 500 with the correlation id, the error logged', async () => {
    // Prepare
    const handler = httpHandler({
      service: SERVICE,
      handler: async () => {
        throw new Error('connect ECONNREFUSED 10.0.0.7:443 (token xoxb-123)');
      },
    });

    // Act
    const result = await handler(request({ headers: { 'x-correlation-id': 'corr-9' } }), lambdaContext);

    // Assess
    expect(result.statusCode).toBe(500);
    expect(bodyOf(result)).toEqual({ message: 'internal error', correlationId: 'corr-9' });
    expect(result.body).not.toContain('ECONNREFUSED');
    const errors = logs.lines.filter((l) => l.level === 'ERROR');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ correlationId: 'corr-9', error: { name: 'Error' } });
  });

  it('never throws when something throws a non-error value', async () => {
    // Prepare
    const handler = httpHandler({
      service: SERVICE,
      handler: async () => {
        throw 'a string';
      },
    });

    // Act
    const result = await handler(request(), lambdaContext);

    // Assess
    expect(result.statusCode).toBe(500);
    expect(bodyOf(result).correlationId).toBe('JKJaXmPLvHcESHA=');
  });

  it('never throws when the chain fails after the handler: answers 500 and logs it with the correlation id', async () => {
    // Prepare
    const { metrics } = createObservability(SERVICE);
    const flush = jest.spyOn(metrics, 'publishStoredMetrics').mockImplementation(() => {
      throw new Error('metrics flush failed');
    });
    const handler = httpHandler({ service: SERVICE, handler: async () => ({ statusCode: 200 }) });

    // Act
    const result = await handler(request(), lambdaContext);
    const flushes = flush.mock.calls.length;
    flush.mockRestore();
    metrics.clearMetrics();

    // Assess
    expect(flushes).toBeGreaterThan(0);
    expect(result.statusCode).toBe(500);
    expect(bodyOf(result)).toEqual({ message: 'internal error', correlationId: 'JKJaXmPLvHcESHA=' });
    const line = logs.lines.find((l) => l.message === 'HTTP request failed outside the handler; answering 500');
    expect(line).toMatchObject({ correlationId: 'JKJaXmPLvHcESHA=', error: { message: 'metrics flush failed' } });
  });

  it('uses the API Gateway request id as correlation id when the caller sends none', async () => {
    // Prepare
    let seen = '';
    const handler = httpHandler({
      service: SERVICE,
      handler: async (_req, ctx) => {
        seen = ctx.correlationId;
        ctx.logger.info('inside');
        return { statusCode: 200 };
      },
    });

    // Act
    await handler(request(), lambdaContext);

    // Assess
    expect(seen).toBe('JKJaXmPLvHcESHA=');
    expect(logs.lines.find((l) => l.message === 'inside')?.correlationId).toBe('JKJaXmPLvHcESHA=');
  });
});
