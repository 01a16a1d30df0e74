import { randomBytes, randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

/** What a Lambda context is built from. */
export type LambdaContextInput = {
  functionName: string;
  memorySize: number;
  timeoutSeconds: number;
  region: string;
  accountId: string;
  awsRequestId?: string;
  /** Wall-clock start, in epoch milliseconds (default: now). */
  startedAtMs?: number;
};

/**
 * Builds the `context` object Lambda passes to a handler.
 *
 * `getRemainingTimeInMillis` counts down from the function's timeout in wall-clock time, as in
 * Lambda. The deprecated `done`/`fail`/`succeed` exist for type compatibility and do nothing.
 */
export const createLambdaContext = (input: LambdaContextInput): Context => {
  const startedAtMs = input.startedAtMs ?? Date.now();
  const deadline = startedAtMs + input.timeoutSeconds * 1000;
  const day = new Date(startedAtMs).toISOString().slice(0, 10).replaceAll('-', '/');
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: input.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${input.region}:${input.accountId}:function:${input.functionName}`,
    memoryLimitInMB: String(input.memorySize),
    awsRequestId: input.awsRequestId ?? randomUUID(),
    logGroupName: `/aws/lambda/${input.functionName}`,
    logStreamName: `${day}/[$LATEST]${randomBytes(16).toString('hex')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
};
