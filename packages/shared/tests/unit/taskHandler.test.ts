import * as z from 'zod';
import { TaskFailedError, taskHandler, ValidationError } from '../../src/index.js';
import { captureLogs } from '../support/captureLogs.js';
import { lambdaContext } from '../support/lambdaContext.js';

const SERVICE = 'task-handler-test';
process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';

const CompareInput = z.object({ correlationId: z.string(), modelPackageArn: z.string() });
const input = {
  correlationId: 'corr-1',
  modelPackageArn: 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/7',
};

/** What Lambda reports to Step Functions for a thrown error: `Error` is its name. */
const stepFunctionsError = (error: unknown) => ({ Error: (error as Error).name, message: (error as Error).message });

describe('taskHandler', () => {
  let logs: ReturnType<typeof captureLogs>;

  beforeEach(() => {
    logs = captureLogs();
  });

  afterEach(() => {
    logs.restore();
  });

  it('returns the handler result as the task output, with the input correlation id', async () => {
    // Prepare
    const handler = taskHandler({
      service: SERVICE,
      input: CompareInput,
      handler: async (i, ctx) => ({ arn: i.modelPackageArn, correlationId: ctx.correlationId }),
    });

    // Act
    const output = await handler(input, lambdaContext);

    // Assess
    expect(output).toEqual({ arn: input.modelPackageArn, correlationId: 'corr-1' });
  });

  it('reads the correlation id of an EventBridge detail passed as input', async () => {
    // Prepare
    let seen = '';
    const handler = taskHandler({
      service: SERVICE,
      input: z.looseObject({}),
      handler: async (_i, ctx) => {
        seen = ctx.correlationId;
      },
    });

    // Act
    await handler({ detail: { correlationId: 'corr-detail' } }, lambdaContext);

    // Assess
    expect(seen).toBe('corr-detail');
  });

  it('throws ValidationError (Error "ValidationError") for bad input, naming the field', async () => {
    // Prepare
    const inner = jest.fn();
    const handler = taskHandler({ service: SERVICE, input: CompareInput, handler: inner });

    // Act
    const error = await handler({ correlationId: 'corr-1' }, lambdaContext).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    expect(stepFunctionsError(error).Error).toBe('ValidationError');
    expect((error as Error).message).toContain('modelPackageArn:');
    expect(inner).not.toHaveBeenCalled();
  });

  it('keeps the name of an error that has one, so Catch can match it', async () => {
    // Prepare
    class ChampionNotFoundError extends Error {
      constructor(message: string) {
        super(message);
        this.name = 'ChampionNotFoundError';
      }
    }
    const handler = taskHandler({
      service: SERVICE,
      input: CompareInput,
      handler: async () => {
        throw new ChampionNotFoundError('no approved package in group churn');
      },
    });

    // Act
    const error = await handler(input, lambdaContext).catch((e: unknown) => e);

    // Assess
    expect(stepFunctionsError(error)).toEqual({
      Error: 'ChampionNotFoundError',
      message: 'no approved package in group churn',
    });
  });

  it.each([
    ['a plain Error', new Error('boom'), 'boom'],
    ['a thrown string', 'boom', 'boom'],
  ])('turns %s into TaskFailedError with the original as cause, logged once', async (_what, thrown, message) => {
    // Prepare
    const handler = taskHandler({
      service: SERVICE,
      input: CompareInput,
      handler: async () => {
        throw thrown;
      },
    });

    // Act
    const error = await handler(input, lambdaContext).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(TaskFailedError);
    expect(stepFunctionsError(error)).toEqual({ Error: 'TaskFailedError', message });
    expect((error as Error).cause).toBe(thrown);
    const errors = logs.lines.filter((l) => l.level === 'ERROR');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ correlationId: 'corr-1', error: { name: 'TaskFailedError' } });
  });
});
