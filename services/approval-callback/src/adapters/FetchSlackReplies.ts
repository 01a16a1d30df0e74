import type { SlackReplies } from '../app/ports.js';
import { ApprovalError } from '../domain/errors.js';

/** How long an ephemeral reply may take: Slack wants the HTTP answer within 3 s in all. */
export const REPLY_TIMEOUT_MS = 1_500;

/**
 * Ephemeral replies through Slack's `response_url`, with `fetch` and a timeout (no Slack SDK:
 * its default retries can wait for minutes).
 */
export class FetchSlackReplies implements SlackReplies {
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;

  constructor(options: { timeoutMs?: number; fetch?: typeof fetch } = {}) {
    this.#timeoutMs = options.timeoutMs ?? REPLY_TIMEOUT_MS;
    this.#fetch = options.fetch ?? fetch;
  }

  /** @throws ApprovalError with the status when Slack answers anything but 2xx; the fetch error on a timeout */
  async ephemeral(responseUrl: string, text: string): Promise<void> {
    const response = await this.#fetch(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text }),
      signal: AbortSignal.timeout(this.#timeoutMs),
    });
    if (!response.ok) throw new ApprovalError(`response_url answered ${response.status}`);
  }
}
