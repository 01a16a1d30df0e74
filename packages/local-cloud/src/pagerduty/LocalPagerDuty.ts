import { randomBytes } from 'node:crypto';
import type { LocalClock } from '../clock/LocalClock.js';
import { LocalCloudError } from '../cloud/LocalCloudError.js';
import { StandInServer } from '../http/StandInServer.js';
import type { HttpRequest, HttpResponse } from '../http/startHttpServer.js';
import {
  type PagerDutyEventAction,
  type PagerDutySeverity,
  type ValidPagerDutyEvent,
  validatePagerDutyEvent,
} from './validateEvent.js';

/** Options of the PagerDuty stand-in. */
export type LocalPagerDutyOptions = {
  /** Dates the events and incidents. */
  clock: LocalClock;
  /**
   * The integration keys of the account's services; an event with another (well-formed) key is
   * refused with 400 `Invalid routing key`. Default: any key of 32 characters is taken.
   */
  routingKeys?: readonly string[];
};

/** An incident (PagerDuty's alert) as the stand-in holds it. */
export type LocalPagerDutyIncident = {
  id: string;
  routingKey: string;
  dedupKey: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  /** From the trigger that opened it. */
  summary: string;
  severity: PagerDutySeverity;
  source: string;
  component?: string;
  group?: string;
  class?: string;
  customDetails?: unknown;
  links?: unknown[];
  createdAt: Date;
  acknowledgedAt?: Date;
  resolvedAt?: Date;
  /** Triggers applied to it: 1 for the one that opened it, more for later duplicates. */
  triggerCount: number;
};

/** What an accepted event did. */
export type PagerDutyEventOutcome =
  /** a trigger opened an incident */
  | 'opened'
  /** a trigger joined the open incident of its dedup key */
  | 'deduplicated'
  | 'acknowledged'
  | 'resolved'
  /** an acknowledge or resolve with no open incident of its routing and dedup key: accepted, then dropped */
  | 'dropped'
  /** refused with 400 */
  | 'invalid'
  /** failed by a switch (429 or 5xx) */
  | 'failed';

/** One request to `/v2/enqueue`, as received and as answered. */
export type PagerDutyEventRecord = {
  at: Date;
  contentType?: string;
  rawBody: string;
  /** The body as received (parsed JSON); undefined when it was not JSON. */
  body: unknown;
  status: number;
  response?: Record<string, unknown>;
  outcome: PagerDutyEventOutcome;
  /** The incident it opened or changed. */
  incidentId?: string;
};

/** How the next events fail: 429 (PagerDuty's throttling) or a server error. */
export type PagerDutyFailure =
  | { kind: 'rateLimited'; retryAfterSeconds?: number }
  | { kind: 'serverError'; status?: number };

const json = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

const invalid = (errors: string[]): HttpResponse =>
  json(400, { status: 'invalid event', message: 'Event object is invalid', errors });

/**
 * PagerDuty's Events API v2 on the local clock: `POST /v2/enqueue` validated as PagerDuty does
 * (400 `{ status, message, errors }`), accepted with 202 `{ status: 'success', message: 'Event
 * processed', dedup_key }`, and incidents by routing key and dedup key (triggered, acknowledged,
 * resolved; a trigger after a resolve opens a new one). Every request is kept as received, and
 * switches make the next ones fail with 429 or 5xx.
 */
export class LocalPagerDuty {
  readonly #clock: LocalClock;
  readonly #routingKeys?: ReadonlySet<string>;
  readonly #server = new StandInServer((request) => this.#answer(request));
  readonly #incidents: LocalPagerDutyIncident[] = [];
  readonly #events: PagerDutyEventRecord[] = [];
  readonly #failures: PagerDutyFailure[] = [];

  constructor(options: LocalPagerDutyOptions) {
    this.#clock = options.clock;
    this.#routingKeys = options.routingKeys === undefined ? undefined : new Set(options.routingKeys);
  }

  /** Starts serving on a loopback port (0: any free one); resolves to the endpoint URL. */
  listen(options: { port?: number } = {}): Promise<string> {
    return this.#server.listen(options);
  }

  /** The base URL while listening (as `https://events.pagerduty.com`): events go to `<endpoint>/v2/enqueue`. */
  get endpoint(): string | undefined {
    return this.#server.endpoint;
  }

  /**
   * The Events API's base URL (as `https://events.pagerduty.com`), what `PAGERDUTY_EVENTS_URL` holds.
   *
   * @throws LocalCloudError when the stand-in is not listening
   */
  get apiUrl(): string {
    const endpoint = this.#server.endpoint;
    if (endpoint === undefined) throw new LocalCloudError('the PagerDuty stand-in is not listening, so it has no URL');
    return endpoint;
  }

  close(): Promise<void> {
    return this.#server.close();
  }

  /** Every request to `/v2/enqueue`, oldest first, refused and failed ones included. */
  events(): PagerDutyEventRecord[] {
    return structuredClone(this.#events);
  }

  /** The incidents, oldest first; only those matching `filter` when given. */
  incidents(
    filter: { routingKey?: string; dedupKey?: string; status?: LocalPagerDutyIncident['status'] } = {},
  ): LocalPagerDutyIncident[] {
    return structuredClone(
      this.#incidents.filter(
        (incident) =>
          (filter.routingKey === undefined || incident.routingKey === filter.routingKey) &&
          (filter.dedupKey === undefined || incident.dedupKey === filter.dedupKey) &&
          (filter.status === undefined || incident.status === filter.status),
      ),
    );
  }

  /** Makes the next `count` events fail as `failure` says; switches queue up in order. */
  failNext(count: number, failure: PagerDutyFailure): void {
    if (!Number.isInteger(count) || count < 0)
      throw new LocalCloudError(`failNext count must be a whole number, got ${count}`);
    for (let i = 0; i < count; i += 1) this.#failures.push(failure);
  }

  async #answer(request: HttpRequest): Promise<HttpResponse> {
    if (request.path !== '/v2/enqueue')
      return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not Found' };
    if (request.method !== 'POST') {
      return { status: 405, headers: { 'content-type': 'text/plain', allow: 'POST' }, body: 'Method Not Allowed' };
    }
    let body: unknown;
    let parsed = true;
    try {
      body = JSON.parse(request.body);
    } catch {
      parsed = false;
    }
    const { response, outcome, incidentId } = this.#process(parsed, body);
    this.#events.push({
      at: this.#clock.now(),
      contentType: request.headers['content-type'],
      rawBody: request.body,
      body,
      status: response.status,
      response: JSON.parse(response.body ?? '{}'),
      outcome,
      ...(incidentId === undefined ? {} : { incidentId }),
    });
    return response;
  }

  #process(
    parsed: boolean,
    body: unknown,
  ): { response: HttpResponse; outcome: PagerDutyEventOutcome; incidentId?: string } {
    const failure = this.#failures.shift();
    if (failure?.kind === 'rateLimited') {
      const headers: Record<string, string> =
        failure.retryAfterSeconds === undefined ? {} : { 'retry-after': String(failure.retryAfterSeconds) };
      return {
        response: json(
          429,
          {
            status: 'throttle event',
            message: 'Requests for this service are arriving too quickly. Please retry later.',
          },
          headers,
        ),
        outcome: 'failed',
      };
    }
    if (failure?.kind === 'serverError') {
      return {
        response: json(failure.status ?? 500, { status: 'error', message: 'Internal Server Error' }),
        outcome: 'failed',
      };
    }
    if (!parsed) return { response: invalid(['Request body is not valid JSON']), outcome: 'invalid' };
    const event = validatePagerDutyEvent(body);
    if ('errors' in event) return { response: invalid(event.errors), outcome: 'invalid' };
    if (this.#routingKeys !== undefined && !this.#routingKeys.has(event.routingKey)) {
      return { response: invalid(['Invalid routing key']), outcome: 'invalid' };
    }
    const dedupKey = event.dedupKey ?? randomBytes(16).toString('hex');
    const { outcome, incident } = this.#apply(event, dedupKey);
    return {
      response: json(202, { status: 'success', message: 'Event processed', dedup_key: dedupKey }),
      outcome,
      ...(incident === undefined ? {} : { incidentId: incident.id }),
    };
  }

  #apply(
    event: ValidPagerDutyEvent,
    dedupKey: string,
  ): { outcome: PagerDutyEventOutcome; incident?: LocalPagerDutyIncident } {
    const now = this.#clock.now();
    const open = this.#incidents.find(
      (incident) =>
        incident.routingKey === event.routingKey && incident.dedupKey === dedupKey && incident.status !== 'resolved',
    );
    const action: PagerDutyEventAction = event.eventAction;
    if (action === 'trigger') {
      if (open !== undefined) {
        open.triggerCount += 1;
        return { outcome: 'deduplicated', incident: open };
      }
      const payload = event.payload;
      if (payload === undefined) throw new LocalCloudError('a validated trigger event has no payload');
      const incident: LocalPagerDutyIncident = {
        id: `PLOCAL${String(this.#incidents.length + 1).padStart(4, '0')}`,
        routingKey: event.routingKey,
        dedupKey,
        status: 'triggered',
        summary: payload.summary,
        severity: payload.severity,
        source: payload.source,
        ...(payload.component === undefined ? {} : { component: payload.component }),
        ...(payload.group === undefined ? {} : { group: payload.group }),
        ...(payload.class === undefined ? {} : { class: payload.class }),
        ...(payload.custom_details === undefined ? {} : { customDetails: payload.custom_details }),
        ...(event.links === undefined ? {} : { links: event.links }),
        createdAt: now,
        triggerCount: 1,
      };
      this.#incidents.push(incident);
      return { outcome: 'opened', incident };
    }
    if (open === undefined) return { outcome: 'dropped' };
    if (action === 'acknowledge') {
      if (open.status === 'triggered') {
        open.status = 'acknowledged';
        open.acknowledgedAt = now;
      }
      return { outcome: 'acknowledged', incident: open };
    }
    open.status = 'resolved';
    open.resolvedAt = now;
    return { outcome: 'resolved', incident: open };
  }
}
