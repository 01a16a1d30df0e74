import middy from '@middy/core';
import * as z from 'zod';
import { createObservability, errorLogger, pickCorrelationId, ValidationError } from '../../src/index.js';
import { captureLogs } from '../support/captureLogs.js';
import { lambdaContext } from '../support/lambdaContext.js';

process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';

describe('pickCorrelationId', () => {
  it('returns the first non-empty string candidate', () => {
    // Act
    const id = pickCorrelationId(undefined, '', 42, 'evt-1', 'req-1');

    // Assess
    expect(id).toBe('evt-1');
  });

  it('returns unknown when no candidate is usable', () => {
    // Act
    const id = pickCorrelationId(undefined, '', null);

    // Assess
    expect(id).toBe('unknown');
  });
});

describe('errorLogger', () => {
  const { logger } = createObservability('middlewares-test');
  let logs: ReturnType<typeof captureLogs>;

  beforeEach(() => {
    logs = captureLogs();
  });

  afterEach(() => {
    logs.restore();
  });

  const failing = (error: unknown, level?: (error: unknown) => 'error' | 'warn') =>
    middy()
      .use(errorLogger({ logger, level }))
      .handler(async () => {
        throw error;
      });

  it('logs at error by default and rethrows', async () => {
    // Act
    const thrown = await failing(new Error('boom'))({}, lambdaContext).catch((e: unknown) => e);

    // Assess
    expect((thrown as Error).message).toBe('boom');
    expect(logs.lines.map((l) => l.level)).toEqual(['ERROR']);
  });

  it('logs at the level the option chooses', async () => {
    // Act
    await failing(new Error('caller mistake'), () => 'warn')({}, lambdaContext).catch(() => undefined);

    // Assess
    expect(logs.lines.map((l) => [l.level, l.error?.message])).toEqual([['WARN', 'caller mistake']]);
  });

  it('lists the paths of a validation error', async () => {
    // Prepare
    const parsed = z.object({ a: z.object({ b: z.string() }) }).safeParse({ a: { b: 1 } });

    // Act
    await failing(new ValidationError('event', parsed.error!))({}, lambdaContext).catch(() => undefined);

    // Assess
    expect(logs.lines[0].fields).toEqual(['a.b']);
  });
});
