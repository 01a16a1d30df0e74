import type { IncomingHttpHeaders } from 'node:http';

/** The API Gateway HTTP API event of payload format 2.0, as a function receives it. */
export type HttpApiEvent = {
  version: '2.0';
  routeKey: string;
  rawPath: string;
  rawQueryString: string;
  cookies?: string[];
  headers: Record<string, string>;
  queryStringParameters?: Record<string, string>;
  pathParameters?: Record<string, string>;
  requestContext: {
    accountId: string;
    apiId: string;
    domainName: string;
    domainPrefix: string;
    http: { method: string; path: string; protocol: string; sourceIp: string; userAgent: string };
    requestId: string;
    routeKey: string;
    stage: '$default';
    time: string;
    timeEpoch: number;
  };
  body?: string;
  isBase64Encoded: boolean;
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `requestContext.time` as API Gateway writes it: `02/Jun/2025:09:41:00 +0000`. */
const apiGatewayTime = (date: Date): string => {
  const pad = (value: number) => String(value).padStart(2, '0');
  return (
    `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
};

/**
 * Whether API Gateway passes a request body as text: only for `text/*`, `application/json`,
 * `application/xml` and `application/javascript`. Every other type, a missing one and
 * `application/x-www-form-urlencoded` included, arrives base64-encoded with `isBase64Encoded`
 * (as measured against HTTP APIs, payload 2.0; the documentation says only "binary").
 */
export const isTextContentType = (contentType: string | undefined): boolean => {
  if (contentType === undefined) return false;
  const type = contentType.split(';')[0].trim().toLowerCase();
  return type.startsWith('text/') || ['application/json', 'application/xml', 'application/javascript'].includes(type);
};

/**
 * Builds the payload format 2.0 event of one request
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html):
 * headers lower-cased with repeated values joined by commas, cookies taken out of the `cookie`
 * header, query parameters joined by commas, and the body as text or base64.
 */
export const httpApiEvent = (request: {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  sourceIp: string;
  routeKey: string;
  pathParameters?: Record<string, string>;
  apiId: string;
  accountId: string;
  requestId: string;
  now: Date;
}): HttpApiEvent => {
  const [rawPath, ...query] = request.url.split('?');
  const rawQueryString = query.join('?');
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    const joined = Array.isArray(value) ? value.join(',') : value;
    if (name.toLowerCase() === 'cookie') cookies = joined.split(/;\s*/).filter((cookie) => cookie !== '');
    else headers[name.toLowerCase()] = joined;
  }
  const domainName = headers.host ?? 'localhost';
  const queryStringParameters: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    queryStringParameters[name] = name in queryStringParameters ? `${queryStringParameters[name]},${value}` : value;
  }
  const text = isTextContentType(headers['content-type']);
  return {
    version: '2.0',
    routeKey: request.routeKey,
    rawPath,
    rawQueryString,
    ...(cookies === undefined ? {} : { cookies }),
    headers,
    ...(Object.keys(queryStringParameters).length === 0 ? {} : { queryStringParameters }),
    ...(request.pathParameters === undefined ? {} : { pathParameters: request.pathParameters }),
    requestContext: {
      accountId: request.accountId,
      apiId: request.apiId,
      domainName,
      domainPrefix: domainName.split('.')[0],
      http: {
        method: request.method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: request.requestId,
      routeKey: request.routeKey,
      stage: '$default',
      time: apiGatewayTime(request.now),
      timeEpoch: request.now.getTime(),
    },
    ...(request.body.length === 0
      ? {}
      : { body: text ? request.body.toString('utf8') : request.body.toString('base64') }),
    isBase64Encoded: request.body.length > 0 && !text,
  };
};
