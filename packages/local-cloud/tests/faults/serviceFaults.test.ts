import type { FaultRequest } from '../../src/faults/FaultRequest.js';
import { requestIdentity, requestOperation } from '../../src/faults/requestIdentity.js';
import { serviceFaults } from '../../src/faults/serviceFaults.js';

const post = (url: string, body: string, headers: Record<string, string> = {}): FaultRequest => ({
  method: 'POST',
  url,
  headers,
  body: Buffer.from(body),
});

describe('serviceFaults', () => {
  it("answers Slack's Web API with a 429 and Retry-After, ratelimited, or its own transient errors", () => {
    // Act
    const answers = serviceFaults('slack').map((fault) => fault.answer(post('/api/chat.postMessage', '{}')));

    // Assess
    expect(answers.map((answer) => [answer.status, JSON.parse(answer.body)])).toEqual([
      [429, { ok: false, error: 'ratelimited' }],
      [200, { ok: false, error: 'internal_error' }],
      [503, { ok: false, error: 'service_unavailable' }],
    ]);
    expect(answers[0].headers['retry-after']).toBe('1');
  });

  it("answers PagerDuty's Events API with 429 and 500, and an HTTP API with API Gateway's 429 and 503", () => {
    // Act
    const pagerDuty = serviceFaults('pagerduty').map((fault) => fault.answer(post('/v2/enqueue', '{}')).status);
    const httpApi = serviceFaults('httpapi-fleet-approval-callback').map(
      (fault) => fault.answer(post('/slack/interactions', 'payload=')).body,
    );

    // Assess
    expect(pagerDuty).toEqual([429, 500]);
    expect(httpApi).toEqual(['{"message":"Too Many Requests"}', '{"message":"Service Unavailable"}']);
  });

  it("writes DynamoDB's error type with its namespace, and S3's as restXml with no body for HEAD", () => {
    // Act
    const [throttled] = serviceFaults('dynamodb').map((fault) =>
      fault.answer(post('/', '{}', { 'content-type': 'application/x-amz-json-1.0' })),
    );
    const [slowDown] = serviceFaults('s3');
    const get = slowDown.answer({ method: 'GET', url: '/data/a.csv', headers: {}, body: Buffer.alloc(0) });
    const head = slowDown.answer({ method: 'HEAD', url: '/data/a.csv', headers: {}, body: Buffer.alloc(0) });

    // Assess
    expect(JSON.parse(throttled.body).__type).toBe('com.amazonaws.dynamodb.v20120810#ThrottlingException');
    expect(throttled.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(get.status).toBe(503);
    expect(get.body).toContain('<Code>SlowDown</Code>');
    expect(head.body).toBe('');
  });
});

describe('requestIdentity', () => {
  it('names the operation from X-Amz-Target, the awsQuery Action, or the method and path', () => {
    expect(requestOperation(post('/', '{}', { 'x-amz-target': 'AWSEvents.PutEvents' }))).toBe('PutEvents');
    expect(
      requestOperation(post('/', 'Action=Publish&Message=m', { 'content-type': 'application/x-www-form-urlencoded' })),
    ).toBe('Publish');
    expect(requestOperation(post('/api/chat.postMessage?x=1', '{}'))).toBe('POST /api/chat.postMessage');
  });

  it('is the same for the same call and differs with the body or the service', () => {
    // Prepare
    const request = post('/', '{"Key":"a"}', { 'x-amz-target': 'DynamoDB_20120810.GetItem' });

    // Act
    const identity = requestIdentity('dynamodb', request);

    // Assess
    expect(requestIdentity('dynamodb', { ...request })).toBe(identity);
    expect(requestIdentity('dynamodb', { ...request, body: Buffer.from('{"Key":"b"}') })).not.toBe(identity);
    expect(requestIdentity('sfn', request)).not.toBe(identity);
  });
});
