import type { PagerDutyApi } from '../app/ports.js';
import { PermanentDeliveryError, RateLimitedError, TransientDeliveryError } from '../domain/errors.js';
import type { PagerDutyEvent } from '../domain/pagerduty/PagerDutyEvent.js';
import { postJson, retryAfterMs } from './httpJson.js';

/** PagerDuty's Events API base URL unless `PAGERDUTY_EVENTS_URL` says otherwise. */
export const DEFAULT_PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com';

/**
 * PagerDuty's Events API v2 (`POST /v2/enqueue`) over `fetch` with a time-out.
 *
 * 202 is success; 400 (an invalid event) is permanent, with PagerDuty's error list as the reason
 * (never the body sent, which holds the routing key); 429 is a rate limit (PagerDuty sends no
 * `Retry-After`, so a short wait is assumed); 5xx and network errors are transient.
 */
export class PagerDutyEventsApi implements PagerDutyApi {
  readonly #baseUrl: string;
  readonly #timeoutMs: number;

  constructor(options: { baseUrl?: string; timeoutMs?: number } = {}) {
    this.#baseUrl = (options.baseUrl ?? DEFAULT_PAGERDUTY_EVENTS_URL).replace(/\/+$/, '');
    this.#timeoutMs = options.timeoutMs ?? 10_000;
  }

  async send(event: PagerDutyEvent): Promise<{ dedupKey: string }> {
    const what = `pagerduty ${event.event_action} ${event.dedup_key}`;
    const answer = await postJson(what, `${this.#baseUrl}/v2/enqueue`, event, { timeoutMs: this.#timeoutMs });
    const body = (answer.body ?? {}) as { status?: string; message?: string; dedup_key?: string; errors?: unknown };
    if (answer.status === 202 || (answer.status >= 200 && answer.status < 300)) {
      return { dedupKey: typeof body.dedup_key === 'string' ? body.dedup_key : event.dedup_key };
    }
    if (answer.status === 429) {
      const waitMs = retryAfterMs(answer.headers, Date.now(), 2000);
      throw new RateLimitedError(`${what}: rate limited`, waitMs);
    }
    if (answer.status >= 500)
      throw new TransientDeliveryError(`${what}: HTTP ${answer.status}`, `http_${answer.status}`);
    const errors = Array.isArray(body.errors) ? body.errors.map(String).join('; ').slice(0, 300) : '';
    // PagerDuty's words, with anything shaped like a routing key (32 letters and digits) cut out
    // should they ever quote one.
    const words = `${body.message ?? ''}${errors ? ` (${errors})` : ''}`
      .split(event.routing_key)
      .join('[routing key]')
      .replace(/\b[A-Za-z0-9]{32}\b/g, '[redacted]');
    throw new PermanentDeliveryError(
      `${what}: HTTP ${answer.status} ${words}`.trim(),
      answer.status === 400 ? 'invalid_event' : `http_${answer.status}`,
    );
  }
}
