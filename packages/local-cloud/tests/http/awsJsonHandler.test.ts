import { AwsServiceError } from '../../src/http/AwsServiceError.js';
import { awsJsonHandler } from '../../src/http/awsJsonHandler.js';
import type { HttpRequest } from '../../src/http/startHttpServer.js';

const request = (target: string | undefined, body: string, method = 'POST'): HttpRequest => ({
  method,
  path: '/',
  query: new URLSearchParams(),
  headers: target === undefined ? {} : { 'x-amz-target': target },
  body,
});

const handler = awsJsonHandler({
  targetPrefix: 'Shop',
  handle: async (operation, body) => {
    if (operation === 'Fail') throw new AwsServiceError('ResourceNotFoundException', 'no such order', 404);
    if (operation === 'Crash') throw new Error('boom');
    return { operation, body };
  },
});

describe('awsJsonHandler', () => {
  it('routes X-Amz-Target to the operation with the parsed body, answering awsJson', async () => {
    // Act
    const response = await handler(request('Shop.GetOrder', '{"Id":"o-1"}'));

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers?.['content-type']).toBe('application/x-amz-json-1.1');
    expect(JSON.parse(response.body ?? '')).toEqual({ operation: 'GetOrder', body: { Id: 'o-1' } });
  });

  it('answers a body that is not JSON with SerializationException', async () => {
    // Act
    const response = await handler(request('Shop.GetOrder', '{not json'));

    // Assess
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body ?? '')).toMatchObject({ __type: 'SerializationException' });
  });

  it("writes an operation's AwsServiceError with its code and status", async () => {
    // Act
    const response = await handler(request('Shop.Fail', ''));

    // Assess
    expect(response.status).toBe(404);
    expect(response.headers?.['x-amzn-errortype']).toBe('ResourceNotFoundException');
    expect(JSON.parse(response.body ?? '')).toEqual({ __type: 'ResourceNotFoundException', message: 'no such order' });
  });

  it('answers another service prefix or a GET with UnknownOperationException', async () => {
    // Act
    const otherService = await handler(request('Other.GetOrder', '{}'));
    const get = await handler(request('Shop.GetOrder', '', 'GET'));

    // Assess
    expect(JSON.parse(otherService.body ?? '')).toMatchObject({ __type: 'UnknownOperationException' });
    expect(JSON.parse(get.body ?? '')).toMatchObject({ __type: 'UnknownOperationException' });
  });

  it('rethrows any other failure unless the service maps it', async () => {
    // Prepare
    const mapping = awsJsonHandler({
      targetPrefix: 'Shop',
      handle: async () => {
        throw new Error('boom');
      },
      internalError: (error) => new AwsServiceError('InternalException', (error as Error).message, 500),
    });

    // Act
    const rethrown = handler(request('Shop.Crash', '{}'));
    const mapped = await mapping(request('Shop.Crash', '{}'));

    // Assess
    await expect(rethrown).rejects.toThrow('boom');
    expect(mapped.status).toBe(500);
    expect(JSON.parse(mapped.body ?? '')).toEqual({ __type: 'InternalException', message: 'boom' });
  });
});
