import path from 'node:path';
import { LocalCloudError } from '../../src/cloud/LocalCloudError.js';
import type { HttpApiEvent } from '../../src/httpapi/index.js';
import { LocalCloud } from '../../src/LocalCloud.js';

const rootDir = path.join(__dirname, '..', 'fixtures', 'httpapi');

describe('HttpApiStandIn over HTTP', () => {
  let cloud: LocalCloud;
  let web: string;

  beforeAll(async () => {
    cloud = await LocalCloud.start({ rootDir });
    web = cloud.httpApiUrl('shop-web');
  });

  afterAll(async () => {
    await cloud.stop();
  });

  /** Posts to the echo route and returns the event the function received. */
  const echo = async (init: RequestInit, pathAndQuery = '/echo') => {
    const response = await fetch(`${web}${pathAndQuery}`, { method: 'POST', ...init });
    return { response, event: (await response.json()) as HttpApiEvent };
  };

  it('gives each service stack its own API and lists the routes', () => {
    // Act
    const routes = cloud.httpRoutes();

    // Assess
    expect(routes.map((route) => [route.service, route.routeKey, route.functionName])).toEqual([
      ['shop-status', 'GET /ping', 'ping'],
      ['shop-web', 'POST /echo', 'echo'],
      ['shop-web', 'PUT /echo/{kind}', 'echo'],
      ['shop-web', 'GET /orders/{orderId}', 'getOrder'],
      ['shop-web', 'GET /orders/latest', 'latestOrder'],
      ['shop-web', 'GET /files/{proxy+}', 'files'],
      ['shop-web', 'ANY /hello', 'hello'],
      ['shop-web', 'GET /fail', 'fails'],
    ]);
    expect(cloud.httpApiUrl('shop-status')).not.toBe(web);
    expect(routes[0].apiId).toMatch(/^[a-z0-9]{10}$/);
  });

  it('throws naming the services with an API when asked for one without', () => {
    // Act
    const asking = () => cloud.httpApiUrl('shop-nowhere');

    // Assess
    expect(asking).toThrow(LocalCloudError);
    expect(asking).toThrow('these have: shop-status, shop-web');
  });

  it('invokes the function with the payload format 2.0 event and a text body as it is', async () => {
    // Act
    const { response, event } = await echo(
      {
        headers: { 'Content-Type': 'application/json', 'X-Custom-Header': 'One', Cookie: 'a=1; b=2' },
        body: '{"hello":"world"}',
      },
      '/echo?tag=x&tag=y&empty=',
    );

    // Assess
    expect(response.status).toBe(201);
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /echo',
      rawPath: '/echo',
      rawQueryString: 'tag=x&tag=y&empty=',
      cookies: ['a=1', 'b=2'],
      queryStringParameters: { tag: 'x,y', empty: '' },
      body: '{"hello":"world"}',
      isBase64Encoded: false,
      requestContext: {
        accountId: '123456789012',
        apiId: expect.stringMatching(/^[a-z0-9]{10}$/),
        domainName: new URL(web).host,
        http: {
          method: 'POST',
          path: '/echo',
          protocol: 'HTTP/1.1',
          sourceIp: '127.0.0.1',
          userAgent: expect.any(String),
        },
        requestId: expect.any(String),
        routeKey: 'POST /echo',
        stage: '$default',
        time: '02/Jun/2025:09:00:00 +0000',
        timeEpoch: Date.parse('2025-06-02T09:00:00Z'),
      },
    });
    expect(event.headers).toMatchObject({ 'content-type': 'application/json', 'x-custom-header': 'One' });
    expect(Object.keys(event.headers).every((name) => name === name.toLowerCase())).toBe(true);
    expect(event.headers.cookie).toBeUndefined();
    expect(event.pathParameters).toBeUndefined();
  });

  it('passes a form-encoded body base64-encoded, as API Gateway does', async () => {
    // Prepare
    const form = 'payload=%7B%22type%22%3A%22block_actions%22%7D';

    // Act
    const { event } = await echo({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });

    // Assess
    expect(event.isBase64Encoded).toBe(true);
    expect(event.body).toBe(Buffer.from(form).toString('base64'));
  });

  it('keeps the bytes of a binary body in base64', async () => {
    // Prepare
    const bytes = Buffer.from([0, 255, 128, 10, 13, 200]);

    // Act
    const { event } = await echo({ headers: { 'content-type': 'application/octet-stream' }, body: bytes });

    // Assess
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body ?? '', 'base64')).toEqual(bytes);
  });

  it('answers with the status, headers, cookies and body the function returns', async () => {
    // Act
    const { response } = await echo({ headers: { 'content-type': 'text/plain' }, body: 'plain text' });

    // Assess
    expect(response.status).toBe(201);
    expect(response.headers.get('x-echo')).toBe('yes');
    expect(response.headers.getSetCookie()).toEqual(['session=abc; Path=/', 'theme=dark']);
    expect(response.headers.get('apigw-requestid')).toEqual(expect.any(String));
  });

  it('gives path parameters, decoded, and prefers a literal route over a parameter', async () => {
    // Act
    const byId = await fetch(`${web}/orders/o%2042`);
    const latest = await fetch(`${web}/orders/latest`);
    const put = await fetch(`${web}/echo/refund`, { method: 'PUT' });

    // Assess
    expect(byId.status).toBe(200);
    expect(byId.headers.get('content-type')).toBe('application/json');
    expect(await byId.json()).toEqual({ orderId: 'o 42', route: 'byId' });
    expect(await latest.json()).toEqual({ route: 'latest' });
    const event = (await put.json()) as HttpApiEvent;
    expect(event.pathParameters).toEqual({ kind: 'refund' });
    expect(event.routeKey).toBe('PUT /echo/{kind}');
    expect(event.body).toBeUndefined();
    expect(event.isBase64Encoded).toBe(false);
  });

  it('decodes a base64 response body and serves a greedy {proxy+} path', async () => {
    // Act
    const response = await fetch(`${web}/files/a/b.bin`);

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from('a/b.bin').reverse());
  });

  it('serves an ANY route for every method and a string result as the body', async () => {
    // Act
    const get = await fetch(`${web}/hello`);
    const del = await fetch(`${web}/hello`, { method: 'DELETE' });

    // Assess
    expect([get.status, await get.text()]).toEqual([200, 'hello']);
    expect([del.status, await del.text()]).toEqual([200, 'hello']);
  });

  it('answers 404 {"message":"Not Found"} for a path or method no route has', async () => {
    // Act
    const unknownPath = await fetch(`${web}/nowhere`);
    const wrongMethod = await fetch(`${web}/echo`, { method: 'GET' });
    const otherApi = await fetch(`${web}/ping`);

    // Assess
    for (const response of [unknownPath, wrongMethod, otherApi]) {
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ message: 'Not Found' });
    }
  });

  it('answers 500 {"message":"Internal Server Error"} when the function fails', async () => {
    // Act
    const response = await fetch(`${web}/fail`);

    // Assess
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: 'Internal Server Error' });
    expect(cloud.invocations().at(-1)).toMatchObject({ functionName: 'fails', outcome: 'error' });
  });

  it('serves the other service on its own URL', async () => {
    // Act
    const response = await fetch(`${cloud.httpApiUrl('shop-status')}/ping`);

    // Assess
    expect(await response.text()).toBe('pong from shop-status');
  });
});
