import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Context } from 'aws-lambda';
import type { ValidateDatasetDependencies } from '../../src/adapters/createDependencies.js';
import { memoryPorts } from '../unit/app/fixtures.js';

/** A fixture event from `tests/events/`, parsed afresh for each test. */
export const loadEvent = <T = Record<string, unknown>>(name: string): T =>
  JSON.parse(readFileSync(path.join(__dirname, '..', 'events', name), 'utf8')) as T;

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

/** In-memory ports wrapped as handler dependencies. */
export const memoryDependencies = (dataBucket?: string) => {
  const memory = memoryPorts();
  const dependencies: ValidateDatasetDependencies = { ports: memory.ports, dataBucket };
  return { ...memory, dependencies: () => dependencies };
};
