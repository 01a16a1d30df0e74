import type { Context } from 'aws-lambda';

/** A Lambda context as the runtime passes it, with a fixed request id. */
export const lambdaContext = {
  functionName: 'fleet-handler-test-fn',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:fleet-handler-test-fn',
  memoryLimitInMB: '256',
  awsRequestId: 'req-123',
  getRemainingTimeInMillis: () => 30_000,
} as unknown as Context;
