import type { SlackApi } from '../app/ports.js';
import { PermanentDeliveryError, RateLimitedError, TransientDeliveryError } from '../domain/errors.js';
import type { SlackMessage } from '../domain/slack/SlackMessage.js';
import { slackLimitProblems } from '../domain/slack/slackLimits.js';
import { postJson, retryAfterMs } from './httpJson.js';

/** Slack's Web API base URL unless `SLACK_API_URL` says otherwise. */
export const DEFAULT_SLACK_API_URL = 'https://slack.com/api';

/** Slack errors worth another attempt later; any other `ok: false` error is permanent. */
const TRANSIENT_ERRORS = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'team_added_to_org',
]);

/** Options of {@link SlackWebApi}. */
export type SlackWebApiOptions = {
  baseUrl?: string;
  /** The bot token, read when needed (cached by the secrets provider); never logged. */
  token: () => Promise<string>;
  timeoutMs?: number;
  now?: () => number;
};

/**
 * `chat.postMessage` and `chat.update` over `fetch` with a time-out: no client library, which
 * would retry a 429 for minutes on its own.
 *
 * Answers become errors notify can act on: HTTP 429 or `ratelimited` a {@link RateLimitedError}
 * with Slack's `Retry-After`; 5xx and Slack's own transient errors a
 * {@link TransientDeliveryError}; anything else Slack refuses (`channel_not_found`,
 * `not_in_channel`, `invalid_auth`, `invalid_blocks`...) a {@link PermanentDeliveryError} with
 * Slack's error name as the reason.
 */
export class SlackWebApi implements SlackApi {
  readonly #baseUrl: string;
  readonly #token: () => Promise<string>;
  readonly #timeoutMs: number;
  readonly #now: () => number;

  constructor(options: SlackWebApiOptions) {
    this.#baseUrl = (options.baseUrl ?? DEFAULT_SLACK_API_URL).replace(/\/+$/, '');
    this.#token = options.token;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  postMessage(input: { channel: string; message: SlackMessage; threadTs?: string }) {
    return this.#call('chat.postMessage', input.message, {
      channel: input.channel,
      ...(input.threadTs === undefined ? {} : { thread_ts: input.threadTs }),
    });
  }

  updateMessage(input: { channel: string; ts: string; message: SlackMessage }) {
    return this.#call('chat.update', input.message, { channel: input.channel, ts: input.ts });
  }

  async #call(
    method: string,
    message: SlackMessage,
    fields: Record<string, string>,
  ): Promise<{ channel: string; ts: string }> {
    const problems = slackLimitProblems(message);
    if (problems.length > 0) {
      throw new PermanentDeliveryError(
        `slack ${method}: message breaks Slack's limits: ${problems.join('; ')}`,
        'invalid_blocks',
      );
    }
    const token = await this.#token();
    const answer = await postJson(
      `slack ${method}`,
      `${this.#baseUrl}/${method}`,
      { ...fields, text: message.text, blocks: message.blocks },
      {
        headers: { authorization: `Bearer ${token}` },
        timeoutMs: this.#timeoutMs,
      },
    );
    const body = (answer.body ?? {}) as { ok?: boolean; error?: string; ts?: string; channel?: string };
    if (answer.status === 429 || body.error === 'ratelimited') {
      const waitMs = retryAfterMs(answer.headers, this.#now(), 1000);
      throw new RateLimitedError(`slack ${method}: rate limited (Retry-After ${Math.ceil(waitMs / 1000)} s)`, waitMs);
    }
    if (answer.status >= 500)
      throw new TransientDeliveryError(`slack ${method}: HTTP ${answer.status}`, `http_${answer.status}`);
    if (body.ok === true && typeof body.ts === 'string')
      return { channel: body.channel ?? fields.channel, ts: body.ts };
    const error = typeof body.error === 'string' ? body.error.slice(0, 100) : `http_${answer.status}`;
    if (TRANSIENT_ERRORS.has(error)) throw new TransientDeliveryError(`slack ${method}: ${error}`, error);
    throw new PermanentDeliveryError(`slack ${method}: ${error} (channel ${fields.channel})`, error);
  }
}
