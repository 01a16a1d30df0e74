import type { DeadLetter, InvocationRecord } from './LambdaRunner.js';
import { type LambdaErrorPayload, lambdaErrorPayload } from './lambdaErrorPayload.js';

/**
 * The invocation record Lambda sends to an on-failure destination of an asynchronous invocation,
 * as documented ("Capturing records of Lambda asynchronous invocations").
 */
export type DestinationRecord = {
  version: '1.0';
  timestamp: string;
  requestContext: {
    requestId: string;
    functionArn: string;
    condition: 'RetriesExhausted' | 'EventAgeExceeded';
    approximateInvokeCount: number;
  };
  requestPayload: unknown;
  responseContext: { statusCode: number; executedVersion: string; functionError: 'Unhandled' };
  responsePayload: LambdaErrorPayload;
};

/**
 * The record of a dead letter for its on-failure destination: the last attempt's request id, the
 * function's ARN with `$LATEST`, `RetriesExhausted` (the local cloud has no event age limit), the
 * payload, and the runtime's error payload.
 */
export const destinationRecord = (
  deadLetter: DeadLetter,
  lastAttempt: InvocationRecord,
  names: { region: string; accountId: string },
): DestinationRecord => {
  const error = Object.assign(new Error(deadLetter.error.message), deadLetter.error);
  return {
    version: '1.0',
    timestamp: deadLetter.failedAt,
    requestContext: {
      requestId: lastAttempt.requestId,
      functionArn: `arn:aws:lambda:${names.region}:${names.accountId}:function:${deadLetter.deployedName}:$LATEST`,
      condition: 'RetriesExhausted',
      approximateInvokeCount: deadLetter.attempts,
    },
    requestPayload: deadLetter.payload,
    responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
    responsePayload: lambdaErrorPayload(error),
  };
};
