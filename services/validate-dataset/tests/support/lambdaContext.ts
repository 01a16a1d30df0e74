import type { Context } from 'aws-lambda';

/** The Lambda context of a test invocation, with a fixed request id and remaining time. */
export const lambdaContext = (remainingMs = 900_000): Context =>
  ({
    awsRequestId: 'req-0000-1111',
    functionName: 'fleet-validate-dataset-test-objectCreated',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:fleet-validate-dataset-test-objectCreated',
    memoryLimitInMB: '1024',
    logGroupName: '/aws/lambda/fleet-validate-dataset-test-objectCreated',
    logStreamName: 'stream',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => remainingMs,
    done: () => {},
    fail: () => {},
    succeed: () => {},
  }) as Context;
