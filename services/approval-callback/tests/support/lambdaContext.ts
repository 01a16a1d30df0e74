import type { Context } from 'aws-lambda';

let requests = 0;

/** A Lambda context good enough for the Powertools middlewares; each call is a new request id. */
export const lambdaContext = (requestId = `req-${++requests}`): Context =>
  ({
    functionName: 'fleet-approval-callback-test',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:fleet-approval-callback-test',
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    getRemainingTimeInMillis: () => 30_000,
  }) as unknown as Context;
