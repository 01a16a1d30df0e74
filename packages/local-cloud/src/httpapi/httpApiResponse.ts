import { isPlainObject } from '../isPlainObject.js';

/** What goes back to the HTTP client. */
export type HttpApiResponse = { status: number; headers: Record<string, string | string[]>; body: Buffer };

const json = (status: number, payload: unknown): HttpApiResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: Buffer.from(JSON.stringify(payload)),
});

/** API Gateway's answer when the integration fails (the function threw, timed out or answered nonsense). */
export const internalServerError = (): HttpApiResponse => json(500, { message: 'Internal Server Error' });

/** API Gateway's answer for a request no route matches. */
export const notFound = (): HttpApiResponse => json(404, { message: 'Not Found' });

/**
 * Turns a function's result into the HTTP response, as API Gateway does for payload format 2.0:
 * an object with `statusCode` gives the status, `headers`, `cookies` (as `set-cookie`) and the
 * `body` (base64-decoded when `isBase64Encoded`); any other result is the "simple" form: 200,
 * `application/json`, the result as the body (a string as it is, anything else as JSON).
 */
export const httpApiResponse = (result: unknown): HttpApiResponse => {
  if (isPlainObject(result) && result.statusCode !== undefined) {
    const status = Number(result.statusCode);
    if (!Number.isInteger(status) || status < 100 || status > 599) return internalServerError();
    const headers: Record<string, string | string[]> = {};
    if (isPlainObject(result.headers)) {
      for (const [name, value] of Object.entries(result.headers)) headers[name.toLowerCase()] = String(value);
    }
    if (Array.isArray(result.cookies) && result.cookies.length > 0) headers['set-cookie'] = result.cookies.map(String);
    const body =
      result.body === undefined || result.body === null
        ? Buffer.alloc(0)
        : Buffer.from(String(result.body), result.isBase64Encoded === true ? 'base64' : 'utf8');
    return { status, headers, body };
  }
  if (result === undefined)
    return { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.alloc(0) };
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(typeof result === 'string' ? result : JSON.stringify(result)),
  };
};
