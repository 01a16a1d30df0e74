import path from 'node:path';
import { HandlerLoadError } from '../../src/lambda/HandlerLoadError.js';
import { type InvocationRecord, type LambdaFunction, LambdaRunner } from '../../src/lambda/LambdaRunner.js';
import { calls } from '../serverless/fixtures/recorder.js';

const fn = (overrides: Partial<LambdaFunction> = {}): LambdaFunction => ({
  service: 'shop-test',
  functionName: 'worker',
  deployedName: 'shop-test-local-worker',
  handlerPath: '/virtual/worker.ts',
  handlerExport: 'handler',
  environment: { TABLE_NAME: 'shop-local-records' },
  timeoutSeconds: 5,
  memorySize: 256,
  maximumRetryAttempts: 2,
  ...overrides,
});

/** A runner whose handler modules live in memory, keyed by path. */
const runnerWith = (modules: Record<string, Record<string, unknown>>, options = {}) =>
  new LambdaRunner({
    now: () => new Date('2024-05-01T12:00:00Z'),
    loadModule: (file) => {
      const module = modules[file];
      if (module === undefined) throw new Error(`Cannot find module '${file}'`);
      return module;
    },
    ...options,
  });

const summary = (records: readonly InvocationRecord[]) => records.map((r) => [r.functionName, r.attempt, r.outcome]);

describe('LambdaRunner', () => {
  it('runs a handler with a Lambda context and the function environment, then restores the environment', async () => {
    // Prepare
    let seen: Record<string, unknown> = {};
    const runner = runnerWith({
      '/virtual/worker.ts': {
        handler: async (
          event: { n: number },
          context: Record<string, unknown> & { getRemainingTimeInMillis: () => number },
        ) => {
          seen = {
            event,
            table: process.env.TABLE_NAME,
            lambdaName: process.env.AWS_LAMBDA_FUNCTION_NAME,
            functionName: context.functionName,
            arn: context.invokedFunctionArn,
            memory: context.memoryLimitInMB,
            remaining: context.getRemainingTimeInMillis(),
            requestId: context.awsRequestId,
          };
          return event.n * 2;
        },
      },
    });
    delete process.env.TABLE_NAME;

    // Act
    const { result, record } = await runner.invoke(fn(), { n: 21 });

    // Assess
    expect(result).toBe(42);
    expect(seen).toMatchObject({
      event: { n: 21 },
      table: 'shop-local-records',
      lambdaName: 'shop-test-local-worker',
      functionName: 'shop-test-local-worker',
      arn: 'arn:aws:lambda:eu-west-1:123456789012:function:shop-test-local-worker',
      memory: '256',
      requestId: record.requestId,
    });
    expect(seen.remaining).toBeGreaterThan(0);
    expect(seen.remaining).toBeLessThanOrEqual(5000);
    expect(process.env.TABLE_NAME).toBeUndefined();
    expect(record).toMatchObject({
      sequence: 1,
      startedAt: '2024-05-01T12:00:00.000Z',
      outcome: 'success',
      attempt: 1,
    });
  });

  it('returns the result a callback-style handler passes to its callback', async () => {
    // Prepare
    const runner = runnerWith({
      '/virtual/worker.ts': {
        handler: (_e: unknown, _c: unknown, callback: (e: null, r: string) => void) => callback(null, 'called back'),
      },
    });

    // Act
    const { result } = await runner.invoke(fn(), {});

    // Assess
    expect(result).toBe('called back');
  });

  it('retries a failing asynchronous invocation twice and then dead-letters it with the error', async () => {
    // Prepare
    const runner = runnerWith({
      '/virtual/worker.ts': {
        handler: async () => {
          throw new TypeError('table is missing');
        },
      },
    });

    // Act
    runner.invokeAsync(
      fn({ onFailure: 'arn:aws:sqs:eu-west-1:123456789012:shop-local-dlq' }),
      { key: 'incoming/a.csv' },
      {
        kind: 'eventBridge',
        ruleName: 'r1',
        detailType: 'Object Created',
        eventId: 'e-1',
      },
    );
    await runner.drain();

    // Assess
    expect(summary(runner.invocations)).toEqual([
      ['worker', 1, 'error'],
      ['worker', 2, 'error'],
      ['worker', 3, 'error'],
    ]);
    expect(runner.deadLetters).toEqual([
      expect.objectContaining({
        functionName: 'worker',
        payload: { key: 'incoming/a.csv' },
        attempts: 3,
        error: expect.objectContaining({ name: 'TypeError', message: 'table is missing' }),
        destination: 'arn:aws:sqs:eu-west-1:123456789012:shop-local-dlq',
        trigger: expect.objectContaining({ detailType: 'Object Created', eventId: 'e-1' }),
        failedAt: '2024-05-01T12:00:00.000Z',
      }),
    ]);
  });

  it('stops retrying once an attempt succeeds', async () => {
    // Prepare
    let failures = 1;
    const runner = runnerWith({
      '/virtual/worker.ts': {
        handler: async () => {
          if (failures-- > 0) throw new Error('flaky');
          return 'ok';
        },
      },
    });

    // Act
    runner.invokeAsync(fn(), {});
    await runner.drain();

    // Assess
    expect(summary(runner.invocations)).toEqual([
      ['worker', 1, 'error'],
      ['worker', 2, 'success'],
    ]);
    expect(runner.deadLetters).toEqual([]);
  });

  it('makes one attempt when the function allows no retries', async () => {
    // Prepare
    const runner = runnerWith({ '/virtual/worker.ts': { handler: async () => Promise.reject(new Error('no')) } });

    // Act
    runner.invokeAsync(fn({ maximumRetryAttempts: 0 }), {});
    await runner.drain();

    // Assess
    expect(summary(runner.invocations)).toEqual([['worker', 1, 'error']]);
    expect(runner.deadLetters).toHaveLength(1);
  });

  it('does not retry a synchronous invocation and returns its error', async () => {
    // Prepare
    const runner = runnerWith({ '/virtual/worker.ts': { handler: () => Promise.reject(new Error('sync failure')) } });

    // Act
    const { error } = await runner.invoke(fn(), {});

    // Assess
    expect(error?.message).toBe('sync failure');
    expect(runner.invocations).toHaveLength(1);
    expect(runner.deadLetters).toEqual([]);
  });

  it('fails an invocation that runs past the timeout', async () => {
    // Prepare
    const runner = runnerWith({ '/virtual/worker.ts': { handler: () => new Promise(() => undefined) } });

    // Act
    const { record, error } = await runner.invoke(fn({ timeoutSeconds: 0.02 }), {});

    // Assess
    expect(record.outcome).toBe('timeout');
    expect(error?.message).toBe('shop-test-local-worker: Task timed out after 0.02 seconds');
  });

  it('fails with HandlerLoadError when the module or the export is missing', async () => {
    // Prepare
    const runner = runnerWith({ '/virtual/worker.ts': { other: () => 1 } });

    // Act
    const missingExport = await runner.invoke(fn(), {});
    const missingModule = await runner.invoke(fn({ handlerPath: '/virtual/nope.ts' }), {});

    // Assess
    expect(missingExport.error).toBeInstanceOf(HandlerLoadError);
    expect(missingExport.error?.message).toBe('/virtual/worker.ts: has no exported function "handler"');
    expect(missingModule.error?.message).toMatch(/^\/virtual\/nope\.ts: cannot be loaded: Cannot find module/);
  });

  it('drains invocations queued by handlers while draining', async () => {
    // Prepare
    const order: string[] = [];
    const runner: LambdaRunner = runnerWith({
      '/virtual/first.ts': {
        handler: async () => {
          order.push('first');
          await new Promise((resolve) => setTimeout(resolve, 5));
          runner.invokeAsync(fn({ functionName: 'second', handlerPath: '/virtual/second.ts' }), {});
        },
      },
      '/virtual/second.ts': { handler: async () => order.push('second') },
    });

    // Act
    runner.invokeAsync(fn({ functionName: 'first', handlerPath: '/virtual/first.ts' }), {});
    await runner.drain();

    // Assess
    expect(order).toEqual(['first', 'second']);
    expect(runner.inFlight).toBe(0);
  });

  it('never runs two invocations at once, so each sees only its own environment', async () => {
    // Prepare
    let running = 0;
    let mostAtOnce = 0;
    const seen: (string | undefined)[] = [];
    const handler = async () => {
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      await new Promise((resolve) => setTimeout(resolve, 2));
      seen.push(process.env.WHO);
      running--;
    };
    const runner = runnerWith({ '/virtual/worker.ts': { handler } });

    // Act
    runner.invokeAsync(fn({ environment: { WHO: 'a' } }), {});
    runner.invokeAsync(fn({ environment: { WHO: 'b' } }), {});
    await runner.drain();

    // Assess
    expect(mostAtOnce).toBe(1);
    expect(seen).toEqual(['a', 'b']);
  });

  it('records what a successful handler returned, also through its callback', async () => {
    // Prepare
    const runner = runnerWith({
      '/virtual/worker.ts': {
        handler: async () => ({ status: 'skipped', reason: 'duplicate' }),
        quiet: async () => undefined,
        callback: (_event: unknown, _context: unknown, done: (error?: unknown, value?: unknown) => void) =>
          done(null, 'via callback'),
      },
    });

    // Act
    await runner.invoke(fn(), {});
    await runner.invoke(fn({ handlerExport: 'quiet' }), {});
    await runner.invoke(fn({ handlerExport: 'callback' }), {});

    // Assess
    expect(runner.invocations.map((record) => record.result)).toEqual([
      { status: 'skipped', reason: 'duplicate' },
      undefined,
      'via callback',
    ]);
    expect('result' in runner.invocations[1]).toBe(false);
  });

  it('loads a TypeScript handler module from disk', async () => {
    // Prepare
    calls.length = 0;
    const runner = new LambdaRunner();
    const handlerPath = path.join(
      __dirname,
      '../serverless/fixtures/repo/services/order-rollups/src/handlers/scheduledRollup.ts',
    );

    // Act
    const { result } = await runner.invoke(fn({ handlerPath, environment: { STAGE: 'disk' } }), { hello: 'world' });

    // Assess
    expect(result).toEqual({ started: true });
    expect(calls).toEqual([
      expect.objectContaining({
        handler: 'scheduledRollup',
        event: { hello: 'world' },
        env: expect.objectContaining({ STAGE: 'disk' }),
      }),
    ]);
  });
});
