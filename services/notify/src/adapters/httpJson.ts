import { TransientDeliveryError } from '../domain/errors.js';

/** An HTTP answer as the Slack and PagerDuty adapters read it. */
export type HttpAnswer = { status: number; headers: Headers; body: unknown };

/**
 * POSTs JSON with a time-out and reads the JSON answer; a network error or time-out is a
 * {@link TransientDeliveryError} naming `what` (never the headers or body, which carry secrets).
 */
export const postJson = async (
  what: string,
  url: string,
  body: unknown,
  options: { headers?: Record<string, string>; timeoutMs: number },
): Promise<HttpAnswer> => {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...options.headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    // AbortSignal.timeout rejects with a DOMException named TimeoutError (not always an Error instance).
    const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
    const reason = name === 'TimeoutError' ? 'timeout' : 'network';
    throw new TransientDeliveryError(
      `${what}: ${reason === 'timeout' ? `no answer within ${options.timeoutMs} ms` : 'network error'}`,
      reason,
      {
        cause: error,
      },
    );
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed };
};

/** `Retry-After` in milliseconds (seconds or an HTTP date), or `fallbackMs` when absent or unreadable. */
export const retryAfterMs = (headers: Headers, now: number, fallbackMs: number): number => {
  const value = headers.get('retry-after');
  if (value === null) return fallbackMs;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? fallbackMs : Math.max(0, at - now);
};
