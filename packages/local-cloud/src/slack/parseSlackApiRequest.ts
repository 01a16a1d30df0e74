import type { HttpRequest } from '../http/startHttpServer.js';
import { isPlainObject } from '../isPlainObject.js';

/** A Web API call's arguments as received, and the token that came with it. */
export type SlackApiRequest = {
  /** The arguments: the JSON object, or the form fields (strings) less `token`. */
  args: Record<string, unknown>;
  /** The body as received: the JSON object, or every form field. */
  received: Record<string, unknown>;
  /** From `Authorization: Bearer <token>`, else the form's `token` field. */
  token?: string;
};

/** A request Slack refuses before reading its arguments, with Slack's error name. */
export type SlackApiRequestError = { error: string; received?: Record<string, unknown> };

/**
 * Reads a Web API call as Slack does: a JSON body (`application/json`, the token only in the
 * `Authorization` header) or a form (`application/x-www-form-urlencoded`, the token in the header
 * or a `token` field). A body without a content type is `missing_post_type`, another content type
 * `invalid_post_type` (multipart is not served here), JSON that does not parse `invalid_json`,
 * JSON that is not an object `json_not_object`.
 */
export const parseSlackApiRequest = (request: HttpRequest): SlackApiRequest | SlackApiRequestError => {
  const contentType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const authorization = request.headers.authorization;
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (contentType === '') {
    return request.body === '' ? { args: {}, received: {}, token: bearer } : { error: 'missing_post_type' };
  }
  if (contentType === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(request.body);
    } catch {
      return { error: 'invalid_json' };
    }
    if (!isPlainObject(parsed)) return { error: 'json_not_object' };
    return { args: parsed, received: parsed, token: bearer };
  }
  if (contentType === 'application/x-www-form-urlencoded') {
    const received = Object.fromEntries(new URLSearchParams(request.body));
    const { token, ...args } = received;
    return { args, received, token: bearer ?? token };
  }
  return { error: 'invalid_post_type' };
};
