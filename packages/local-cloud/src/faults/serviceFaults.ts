import { randomUUID } from 'node:crypto';
import type { FaultRequest, FaultResponse } from './FaultRequest.js';

/** One way a service fails a call transiently, as its clients see it. */
export type ServiceFault = {
  /** The error code, e.g. `ThrottlingException`, `SlowDown`, `ratelimited`. */
  code: string;
  status: number;
  /** The answer to `request` in the service's protocol. */
  answer: (request: FaultRequest) => FaultResponse;
};

const contentType = (request: FaultRequest) => String(request.headers['content-type'] ?? '');

/**
 * An awsJson error (`{"__type": ..., "message": ...}` with `x-amzn-ErrorType`), in the content type
 * the request used (1.0 or 1.1); `namespace` prefixes `__type` as DynamoDB does; `queryError` adds
 * `x-amzn-query-error` for query-compatible services (CloudWatch, SQS), whose SDK reads the code there.
 */
const awsJson =
  (code: string, status: number, message: string, options: { namespace?: string; queryError?: string } = {}) =>
  (request: FaultRequest): FaultResponse => ({
    code,
    status,
    headers: {
      'content-type': contentType(request) || 'application/x-amz-json-1.1',
      'x-amzn-requestid': randomUUID(),
      'x-amzn-errortype': code,
      ...(options.queryError === undefined
        ? {}
        : { 'x-amzn-query-error': `${options.queryError};${status >= 500 ? 'Receiver' : 'Sender'}` }),
    },
    body: JSON.stringify({ __type: options.namespace ? `${options.namespace}#${code}` : code, message }),
  });

/** A restJson1 error: the code in `x-amzn-ErrorType`, `{"message": ...}` in the body. */
const restJson =
  (code: string, status: number, message: string, headers: Record<string, string> = {}) =>
  (): FaultResponse => ({
    code,
    status,
    headers: {
      'content-type': 'application/json',
      'x-amzn-requestid': randomUUID(),
      'x-amzn-errortype': code,
      ...headers,
    },
    body: JSON.stringify({ message }),
  });

/** An awsQuery error: `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`. */
const awsQuery = (code: string, status: number, message: string, namespace: string) => (): FaultResponse => {
  const requestId = randomUUID();
  return {
    code,
    status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body:
      `<ErrorResponse xmlns="${namespace}"><Error><Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type>` +
      `<Code>${code}</Code><Message>${message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
  };
};

/** CloudWatch answers awsJson 1.0 and, to older clients, awsQuery: the fault follows the request. */
const queryOrJson =
  (code: string, status: number, message: string, namespace: string) =>
  (request: FaultRequest): FaultResponse =>
    contentType(request).startsWith('application/x-www-form-urlencoded')
      ? awsQuery(code, status, message, namespace)()
      : awsJson(code, status, message, { queryError: code })(request);

/** S3's restXml error; a HEAD answer has no body, as on S3. */
const s3Error =
  (code: string, status: number, message: string) =>
  (request: FaultRequest): FaultResponse => {
    const requestId = randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase();
    return {
      code,
      status,
      headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId },
      body:
        request.method === 'HEAD'
          ? ''
          : `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${requestId}</RequestId><HostId>local</HostId></Error>`,
    };
  };

/** A JSON answer of a third-party API. */
const json =
  (code: string, status: number, body: unknown, headers: Record<string, string> = {}) =>
  (): FaultResponse => ({
    code,
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  });

const fault = (code: string, status: number, answer: (request: FaultRequest) => FaultResponse): ServiceFault => ({
  code,
  status,
  answer,
});

const DYNAMODB = 'com.amazonaws.dynamodb.v20120810';
const RATE_EXCEEDED = 'Rate exceeded';

/**
 * The transient faults of each service of the local cloud, by the service id of
 * `AWS_ENDPOINT_URL_<SERVICE>` (or the stand-in's listen id), in each service's own words:
 * throttling and server errors with the codes and statuses its SDK model or API documents.
 */
export const SERVICE_FAULTS: Readonly<Record<string, readonly ServiceFault[]>> = {
  dynamodb: [
    fault(
      'ThrottlingException',
      400,
      awsJson('ThrottlingException', 400, 'Rate of requests exceeds the allowed throughput.', { namespace: DYNAMODB }),
    ),
    fault(
      'ProvisionedThroughputExceededException',
      400,
      awsJson(
        'ProvisionedThroughputExceededException',
        400,
        'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
        { namespace: DYNAMODB },
      ),
    ),
    fault(
      'InternalServerError',
      500,
      awsJson('InternalServerError', 500, 'Internal server error', { namespace: DYNAMODB }),
    ),
  ],
  s3: [
    fault('SlowDown', 503, s3Error('SlowDown', 503, 'Please reduce your request rate.')),
    fault('InternalError', 500, s3Error('InternalError', 500, 'We encountered an internal error. Please try again.')),
  ],
  eventbridge: [
    fault('ThrottlingException', 400, awsJson('ThrottlingException', 400, RATE_EXCEEDED)),
    fault('InternalException', 500, awsJson('InternalException', 500, 'Internal service error')),
  ],
  scheduler: [
    fault('ThrottlingException', 429, restJson('ThrottlingException', 429, RATE_EXCEEDED)),
    fault('InternalServerException', 500, restJson('InternalServerException', 500, 'Internal server error')),
  ],
  sfn: [
    fault('ThrottlingException', 400, awsJson('ThrottlingException', 400, RATE_EXCEEDED)),
    fault('ServiceUnavailable', 503, awsJson('ServiceUnavailable', 503, 'Service is unavailable')),
    fault('InternalFailure', 500, awsJson('InternalFailure', 500, 'An internal error occurred')),
  ],
  sagemaker: [
    fault('ThrottlingException', 400, awsJson('ThrottlingException', 400, RATE_EXCEEDED)),
    fault('InternalFailure', 500, awsJson('InternalFailure', 500, 'An internal error occurred')),
  ],
  sagemaker_runtime: [
    fault('ThrottlingException', 400, restJson('ThrottlingException', 400, RATE_EXCEEDED)),
    fault(
      'ServiceUnavailable',
      503,
      restJson('ServiceUnavailable', 503, 'The service is unavailable. Try your call again.'),
    ),
    fault('InternalFailure', 500, restJson('InternalFailure', 500, 'An internal failure occurred.')),
  ],
  ssm: [
    fault('ThrottlingException', 400, awsJson('ThrottlingException', 400, RATE_EXCEEDED)),
    fault('InternalServerError', 500, awsJson('InternalServerError', 500, 'An error occurred on the server side.')),
  ],
  sns: [
    fault('Throttling', 400, awsQuery('Throttling', 400, RATE_EXCEEDED, 'http://sns.amazonaws.com/doc/2010-03-31/')),
    fault(
      'InternalError',
      500,
      awsQuery(
        'InternalError',
        500,
        'Indicates an internal service error.',
        'http://sns.amazonaws.com/doc/2010-03-31/',
      ),
    ),
  ],
  cloudwatch: [
    fault(
      'Throttling',
      400,
      queryOrJson('Throttling', 400, RATE_EXCEEDED, 'http://monitoring.amazonaws.com/doc/2010-08-01/'),
    ),
    fault(
      'InternalServiceError',
      500,
      queryOrJson(
        'InternalServiceError',
        500,
        'Internal service error',
        'http://monitoring.amazonaws.com/doc/2010-08-01/',
      ),
    ),
  ],
  lambda: [
    fault(
      'TooManyRequestsException',
      429,
      restJson('TooManyRequestsException', 429, RATE_EXCEEDED, { 'retry-after': '1' }),
    ),
    fault(
      'ServiceException',
      500,
      restJson('ServiceException', 500, 'The AWS Lambda service encountered an internal error.'),
    ),
  ],
  sqs: [
    fault('RequestThrottled', 400, awsJson('RequestThrottled', 400, RATE_EXCEEDED, { queryError: 'RequestThrottled' })),
    fault(
      'InternalFailure',
      500,
      awsJson('InternalFailure', 500, 'An internal error occurred', { queryError: 'InternalFailure' }),
    ),
  ],
  // Slack's Web API: a rate limit is HTTP 429 with Retry-After (and `ratelimited`); its own
  // transient errors come as `ok: false` with `internal_error`, or a 503 from its front door.
  slack: [
    fault('ratelimited', 429, json('ratelimited', 429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' })),
    fault('internal_error', 200, json('internal_error', 200, { ok: false, error: 'internal_error' })),
    fault('service_unavailable', 503, json('service_unavailable', 503, { ok: false, error: 'service_unavailable' })),
  ],
  // PagerDuty's Events API v2: 429 when events arrive too fast, 5xx to retry.
  pagerduty: [
    fault(
      'throttle event',
      429,
      json('throttle event', 429, {
        status: 'throttle event',
        message: 'Requests for this service are arriving too quickly.  Please retry later.',
      }),
    ),
    fault(
      'internal server error',
      500,
      json('internal server error', 500, { status: 'error', message: 'Internal server error' }),
    ),
  ],
};

/** API Gateway's own answers in front of an HTTP API: throttled, or no answer from the integration. */
const HTTP_API_FAULTS: readonly ServiceFault[] = [
  fault('TooManyRequests', 429, json('TooManyRequests', 429, { message: 'Too Many Requests' })),
  fault('ServiceUnavailable', 503, json('ServiceUnavailable', 503, { message: 'Service Unavailable' })),
];

/** A service the catalog does not name: a bare 503, which every client treats as transient. */
const UNKNOWN_SERVICE_FAULTS: readonly ServiceFault[] = [
  fault('ServiceUnavailable', 503, (request) =>
    contentType(request).includes('x-amz-json')
      ? awsJson('ServiceUnavailable', 503, 'Service is unavailable')(request)
      : json('ServiceUnavailable', 503, { message: 'Service Unavailable' })(),
  ),
];

/** The faults of a service by its listen id (`httpapi-<service>` for HTTP APIs). */
export const serviceFaults = (service: string): readonly ServiceFault[] =>
  SERVICE_FAULTS[service] ?? (service.startsWith('httpapi-') ? HTTP_API_FAULTS : UNKNOWN_SERVICE_FAULTS);
