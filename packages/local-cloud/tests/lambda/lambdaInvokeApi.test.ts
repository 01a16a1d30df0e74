import path from 'node:path';
import {
  InvalidRequestContentException,
  InvokeCommand,
  LambdaClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-lambda';
import { LocalCloud } from '../../src/LocalCloud.js';
import { failures, processed } from '../fixtures/deadletters/services/jobs/src/jobs.js';

const rootDir = path.join(__dirname, '..', 'fixtures', 'deadletters');
const arn = (name: string) => `arn:aws:lambda:eu-west-1:123456789012:function:${name}`;
const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const decode = (payload: Uint8Array | undefined) => JSON.parse(new TextDecoder().decode(payload));

describe("Lambda's Invoke API with the SDK client", () => {
  let cloud: LocalCloud;
  let client: LambdaClient;

  beforeAll(async () => {
    cloud = await LocalCloud.start({ rootDir });
    client = new LambdaClient({
      endpoint: cloud.endpoints.lambda,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    });
  });

  afterAll(async () => {
    client.destroy();
    await cloud.stop();
  });

  beforeEach(() => {
    failures.failing = false;
    processed.length = 0;
  });

  it.each([
    ['its name', 'shop-jobs-local-echo'],
    ['its name and a qualifier', 'shop-jobs-local-echo:$LATEST'],
    ['its ARN', arn('shop-jobs-local-echo')],
    ['its partial ARN', '123456789012:function:shop-jobs-local-echo'],
  ])('runs a function named by %s and answers what it returned', async (_how, name) => {
    // Act
    const output = await client.send(new InvokeCommand({ FunctionName: name, Payload: encode({ order: 42 }) }));

    // Assess
    expect(output.StatusCode).toBe(200);
    expect(output.FunctionError).toBeUndefined();
    expect(output.ExecutedVersion).toBe('$LATEST');
    expect(decode(output.Payload)).toEqual({ order: 42 });
  });

  it("answers a handler's error with 200, FunctionError Unhandled and the runtime's error payload", async () => {
    // Arrange
    failures.failing = true;

    // Act
    const output = await client.send(
      new InvokeCommand({ FunctionName: 'shop-jobs-local-process', Payload: encode({ job: 1 }) }),
    );

    // Assess
    expect(output.StatusCode).toBe(200);
    expect(output.FunctionError).toBe('Unhandled');
    expect(decode(output.Payload)).toEqual({
      errorType: 'JobFailedError',
      errorMessage: 'the job cannot be processed',
      trace: expect.arrayContaining([expect.stringContaining('JobFailedError: the job cannot be processed')]),
    });
    // A synchronous invocation is not retried nor dead-lettered.
    expect(cloud.deadLetters()).toEqual([]);
  });

  it('queues an Event invocation (202) through the async path, with its retries and dead letter', async () => {
    // Arrange
    failures.failing = true;
    const before = cloud.invocations().length;

    // Act
    const output = await client.send(
      new InvokeCommand({
        FunctionName: arn('shop-jobs-local-process'),
        InvocationType: 'Event',
        Payload: encode({ job: 2 }),
      }),
    );
    await cloud.settle();

    // Assess
    expect(output.StatusCode).toBe(202);
    const attempts = cloud.invocations().slice(before);
    expect(attempts.map((record) => [record.deployedName, record.attempt, record.outcome])).toEqual([
      ['shop-jobs-local-process', 1, 'error'],
      ['shop-jobs-local-process', 2, 'error'],
    ]);
    expect(cloud.deadLetters().at(-1)).toEqual(
      expect.objectContaining({ deployedName: 'shop-jobs-local-process', payload: { job: 2 }, attempts: 2 }),
    );
  });

  it('checks a DryRun (204) without running the function', async () => {
    // Arrange
    const before = cloud.invocations().length;

    // Act
    const output = await client.send(
      new InvokeCommand({ FunctionName: 'shop-jobs-local-process', InvocationType: 'DryRun' }),
    );
    await cloud.settle();

    // Assess
    expect(output.StatusCode).toBe(204);
    expect(cloud.invocations()).toHaveLength(before);
  });

  it('gives an empty payload as {}', async () => {
    // Act
    const output = await client.send(new InvokeCommand({ FunctionName: 'shop-jobs-local-echo' }));

    // Assess
    expect(decode(output.Payload)).toEqual({});
  });

  it.each([
    ['an unknown function', 'shop-jobs-local-nothing'],
    ['a key under functions: rather than the deployed name', 'echo'],
  ])('answers 404 ResourceNotFoundException for %s', async (_what, name) => {
    // Act
    const sending = client.send(new InvokeCommand({ FunctionName: name, Payload: encode({}) }));

    // Assess
    await expect(sending).rejects.toThrow(ResourceNotFoundException);
    await expect(sending).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 },
      message: `Function not found: ${arn(name)}`,
    });
  });

  it('answers InvalidRequestContentException for a payload that is not JSON', async () => {
    // Act
    const sending = client.send(
      new InvokeCommand({ FunctionName: 'shop-jobs-local-echo', Payload: new TextEncoder().encode('{not json') }),
    );

    // Assess
    await expect(sending).rejects.toThrow(InvalidRequestContentException);
  });
});
