import type { HttpHandler, HttpRequest, HttpResponse } from '../http/startHttpServer.js';

/** What the Slack stand-in's server hands its requests to. */
export type SlackHttpTarget = {
  /** A Web API method call, `POST /api/<method>`. */
  webApi(method: string, request: HttpRequest): Promise<HttpResponse>;
  /** A post to a `response_url` (`/actions/...`). */
  responseUrl(request: HttpRequest): Promise<HttpResponse>;
};

/** The path prefix of the `response_url`s the stand-in hands out, as Slack's `https://hooks.slack.com/actions/...`. */
export const RESPONSE_URL_PREFIX = '/actions/';

/**
 * Routes Slack's two HTTP surfaces: the Web API under `/api/` (as `https://slack.com/api/`) and
 * `response_url`s under `/actions/` (as `https://hooks.slack.com/actions/`). Anything else is 404,
 * and a method other than POST is 405.
 */
export const slackHttpHandler =
  (target: SlackHttpTarget): HttpHandler =>
  async (request) => {
    const isApi = request.path.startsWith('/api/');
    const isResponseUrl = request.path.startsWith(RESPONSE_URL_PREFIX);
    if (!isApi && !isResponseUrl) return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not Found' };
    if (request.method !== 'POST') {
      return { status: 405, headers: { 'content-type': 'text/plain', allow: 'POST' }, body: 'Method Not Allowed' };
    }
    if (isApi) return target.webApi(decodeURIComponent(request.path.slice('/api/'.length)), request);
    return target.responseUrl(request);
  };

/** A Slack JSON answer, e.g. `{ ok: false, error: 'channel_not_found' }`. */
export const slackJson = (
  body: Record<string, unknown>,
  status = 200,
  headers: Record<string, string> = {},
): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(body),
});
