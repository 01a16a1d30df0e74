import { LocalClock } from '../../src/clock/index.js';
import { LocalPagerDuty } from '../../src/pagerduty/index.js';

const START = '2026-03-02T09:00:00.000Z';
const KEY = 'R0UT1NGKEY0000000000000000000001';
const OTHER_KEY = 'R0UT1NGKEY0000000000000000000002';

type Answer = { status: number; headers: Headers; json: Record<string, unknown> };

const trigger = (overrides: Record<string, unknown> = {}, payload: Record<string, unknown> = {}) => ({
  routing_key: KEY,
  event_action: 'trigger',
  dedup_key: 'fleet-local-drift-churn',
  payload: {
    summary: 'churn drifted: 3 features critical',
    source: 'fleet-local',
    severity: 'critical',
    timestamp: '2026-03-02T08:59:00.000Z',
    component: 'churn',
    group: 'fleet',
    class: 'drift',
    custom_details: { features: ['tenure'] },
    ...payload,
  },
  links: [{ href: 'https://example.com/report', text: 'report' }],
  ...overrides,
});

describe('LocalPagerDuty Events API v2', () => {
  let clock: LocalClock;
  let pagerDuty: LocalPagerDuty;

  beforeEach(async () => {
    clock = new LocalClock({ start: START });
    pagerDuty = new LocalPagerDuty({ clock });
    await pagerDuty.listen();
  });

  afterEach(async () => {
    await pagerDuty.close();
  });

  const send = async (body: unknown): Promise<Answer> => {
    const response = await fetch(`${pagerDuty.endpoint}/v2/enqueue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return {
      status: response.status,
      headers: response.headers,
      json: (await response.json()) as Record<string, unknown>,
    };
  };

  describe('accepted events', () => {
    it('answers 202 with the dedup key and opens a triggered incident', async () => {
      // Act
      const answer = await send(trigger());

      // Assess
      expect(answer.status).toBe(202);
      expect(answer.json).toEqual({
        status: 'success',
        message: 'Event processed',
        dedup_key: 'fleet-local-drift-churn',
      });
      expect(pagerDuty.incidents()).toEqual([
        {
          id: 'PLOCAL0001',
          routingKey: KEY,
          dedupKey: 'fleet-local-drift-churn',
          status: 'triggered',
          summary: 'churn drifted: 3 features critical',
          severity: 'critical',
          source: 'fleet-local',
          component: 'churn',
          group: 'fleet',
          class: 'drift',
          customDetails: { features: ['tenure'] },
          links: [{ href: 'https://example.com/report', text: 'report' }],
          createdAt: new Date(START),
          triggerCount: 1,
        },
      ]);
    });

    it('generates a dedup key for a trigger without one, so each such trigger opens its own incident', async () => {
      // Act
      const first = await send(trigger({ dedup_key: undefined }));
      const second = await send(trigger({ dedup_key: undefined }));

      // Assess
      expect(first.json.dedup_key).toEqual(expect.stringMatching(/^[0-9a-f]{32}$/));
      expect(first.json.dedup_key).not.toBe(second.json.dedup_key);
      expect(pagerDuty.incidents()).toHaveLength(2);
    });

    it('adds a repeated trigger to the open incident instead of opening another', async () => {
      // Act
      await send(trigger());
      const again = await send(trigger());

      // Assess
      expect(again.status).toBe(202);
      expect(pagerDuty.incidents()).toMatchObject([{ status: 'triggered', triggerCount: 2 }]);
      expect(pagerDuty.events().map((event) => event.outcome)).toEqual(['opened', 'deduplicated']);
    });

    it('acknowledges, then resolves, the incident of a routing key and dedup key, at the clock time', async () => {
      // Prepare
      await send(trigger());
      await clock.tick('1m');

      // Act
      const acknowledged = await send({
        routing_key: KEY,
        event_action: 'acknowledge',
        dedup_key: 'fleet-local-drift-churn',
      });
      await clock.tick('1m');
      const resolved = await send({ routing_key: KEY, event_action: 'resolve', dedup_key: 'fleet-local-drift-churn' });

      // Assess
      expect(acknowledged.json).toEqual({
        status: 'success',
        message: 'Event processed',
        dedup_key: 'fleet-local-drift-churn',
      });
      expect(resolved.status).toBe(202);
      expect(pagerDuty.incidents()).toMatchObject([
        {
          status: 'resolved',
          acknowledgedAt: new Date(Date.parse(START) + 60_000),
          resolvedAt: new Date(Date.parse(START) + 120_000),
        },
      ]);
      expect(pagerDuty.events().map((event) => [event.outcome, event.incidentId])).toEqual([
        ['opened', 'PLOCAL0001'],
        ['acknowledged', 'PLOCAL0001'],
        ['resolved', 'PLOCAL0001'],
      ]);
    });

    it('opens a new incident for a trigger after a resolve', async () => {
      // Prepare
      await send(trigger());
      await send({ routing_key: KEY, event_action: 'resolve', dedup_key: 'fleet-local-drift-churn' });

      // Act
      await send(trigger());

      // Assess
      expect(pagerDuty.incidents().map((incident) => [incident.id, incident.status])).toEqual([
        ['PLOCAL0001', 'resolved'],
        ['PLOCAL0002', 'triggered'],
      ]);
      expect(pagerDuty.incidents({ status: 'triggered' })).toHaveLength(1);
    });

    it('keeps routing keys apart: a resolve through another key is accepted and dropped', async () => {
      // Prepare
      await send(trigger());

      // Act
      const other = await send({
        routing_key: OTHER_KEY,
        event_action: 'resolve',
        dedup_key: 'fleet-local-drift-churn',
      });
      const unknown = await send({ routing_key: KEY, event_action: 'resolve', dedup_key: 'never-triggered' });

      // Assess
      expect(other.status).toBe(202);
      expect(unknown.status).toBe(202);
      expect(pagerDuty.incidents({ routingKey: KEY })).toMatchObject([{ status: 'triggered' }]);
      expect(pagerDuty.incidents({ routingKey: OTHER_KEY })).toEqual([]);
      expect(pagerDuty.events().map((event) => event.outcome)).toEqual(['opened', 'dropped', 'dropped']);
    });
  });

  describe('validation', () => {
    const cases: [string, unknown, string[]][] = [
      ['no routing key', trigger({ routing_key: undefined }), ["'routing_key' is missing or blank"]],
      [
        'a routing key of 31 characters',
        trigger({ routing_key: KEY.slice(1) }),
        ["Length of 'routing_key' is incorrect (should be 32 characters)"],
      ],
      ['no event action', trigger({ event_action: undefined }), ["'event_action' is missing or blank"]],
      [
        'an unknown event action',
        trigger({ event_action: 'escalate' }),
        ["'event_action' is invalid (must be one of the following: 'trigger', 'acknowledge' or 'resolve')"],
      ],
      ['no payload', trigger({ payload: undefined }), ["'payload' is missing or blank"]],
      ['no summary', trigger({}, { summary: '' }), ["'payload.summary' is missing or blank"]],
      [
        'a summary of 1,025 characters',
        trigger({}, { summary: 'x'.repeat(1025) }),
        ["'payload.summary' is too long (maximum is 1024 characters)"],
      ],
      ['no source', trigger({}, { source: undefined }), ["'payload.source' is missing or blank"]],
      ['no severity', trigger({}, { severity: undefined }), ["'payload.severity' is missing or blank"]],
      [
        'an unknown severity',
        trigger({}, { severity: 'fatal' }),
        ["'payload.severity' is invalid (must be one of the following: 'critical', 'warning', 'error' or 'info')"],
      ],
      [
        'a timestamp that is not one',
        trigger({}, { timestamp: 'yesterday' }),
        ["'payload.timestamp' is invalid (must be an ISO 8601 timestamp)"],
      ],
      [
        'a dedup key of 256 characters',
        trigger({ dedup_key: 'd'.repeat(256) }),
        ["'dedup_key' is too long (maximum is 255 characters)"],
      ],
      [
        'a resolve without a dedup key',
        { routing_key: KEY, event_action: 'resolve' },
        ["'dedup_key' is missing or blank"],
      ],
      ['links that are not a list', trigger({ links: { href: 'x' } }), ["'links' must be an array"]],
      [
        'several problems at once',
        { event_action: 'trigger', payload: { severity: 'high' } },
        [
          "'routing_key' is missing or blank",
          "'payload.summary' is missing or blank",
          "'payload.source' is missing or blank",
          "'payload.severity' is invalid (must be one of the following: 'critical', 'warning', 'error' or 'info')",
        ],
      ],
      ['a body that is not JSON', '{"routing_key":', ['Request body is not valid JSON']],
      ['a JSON body that is not an object', '[1,2]', ['Event object must be a JSON object']],
    ];

    it.each(cases)('answers 400 with the errors for %s, and opens nothing', async (_name, body, errors) => {
      // Act
      const answer = await send(body);

      // Assess
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({ status: 'invalid event', message: 'Event object is invalid', errors });
      expect(pagerDuty.incidents()).toEqual([]);
      expect(pagerDuty.events()).toMatchObject([{ status: 400, outcome: 'invalid' }]);
    });

    it('takes a summary of exactly 1,024 characters and a resolve without payload', async () => {
      // Act
      const longest = await send(trigger({}, { summary: 'x'.repeat(1024) }));
      const resolve = await send({ routing_key: KEY, event_action: 'resolve', dedup_key: 'fleet-local-drift-churn' });

      // Assess
      expect(longest.status).toBe(202);
      expect(resolve.status).toBe(202);
    });

    it('refuses a routing key the account does not have, when its keys are given', async () => {
      // Prepare
      await pagerDuty.close();
      pagerDuty = new LocalPagerDuty({ clock, routingKeys: [KEY] });
      await pagerDuty.listen();

      // Act
      const known = await send(trigger());
      const unknown = await send(trigger({ routing_key: OTHER_KEY }));

      // Assess
      expect(known.status).toBe(202);
      expect(unknown).toMatchObject({
        status: 400,
        json: { status: 'invalid event', message: 'Event object is invalid', errors: ['Invalid routing key'] },
      });
    });

    it('answers 404 on another path and 405 to another method', async () => {
      // Act
      const elsewhere = await fetch(`${pagerDuty.endpoint}/v1/enqueue`, { method: 'POST', body: '{}' });
      const get = await fetch(`${pagerDuty.endpoint}/v2/enqueue`);

      // Assess
      expect(elsewhere.status).toBe(404);
      expect(get.status).toBe(405);
      expect(pagerDuty.events()).toEqual([]);
    });
  });

  describe('recording and failure switches', () => {
    it('keeps every request body as received, with its answer', async () => {
      // Prepare
      const body = JSON.stringify(trigger());

      // Act
      await send(body);
      await send('not json');

      // Assess
      expect(pagerDuty.events()).toEqual([
        {
          at: new Date(START),
          contentType: 'application/json',
          rawBody: body,
          body: JSON.parse(body),
          status: 202,
          response: { status: 'success', message: 'Event processed', dedup_key: 'fleet-local-drift-churn' },
          outcome: 'opened',
          incidentId: 'PLOCAL0001',
        },
        {
          at: new Date(START),
          contentType: 'application/json',
          rawBody: 'not json',
          body: undefined,
          status: 400,
          response: {
            status: 'invalid event',
            message: 'Event object is invalid',
            errors: ['Request body is not valid JSON'],
          },
          outcome: 'invalid',
        },
      ]);
    });

    it('fails the next events with 429 and 5xx as switched, changing no incident meanwhile', async () => {
      // Prepare
      pagerDuty.failNext(1, { kind: 'rateLimited', retryAfterSeconds: 2 });
      pagerDuty.failNext(1, { kind: 'rateLimited' });
      pagerDuty.failNext(1, { kind: 'serverError', status: 503 });

      // Act
      const limited = await send(trigger());
      const limitedAgain = await send(trigger());
      const broken = await send(trigger());
      const accepted = await send(trigger());

      // Assess
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('2');
      expect(limited.json.status).toBe('throttle event');
      expect(limitedAgain.status).toBe(429);
      expect(limitedAgain.headers.get('retry-after')).toBeNull();
      expect(broken.status).toBe(503);
      expect(accepted.status).toBe(202);
      expect(pagerDuty.incidents()).toMatchObject([{ triggerCount: 1 }]);
      expect(pagerDuty.events().map((event) => [event.status, event.outcome])).toEqual([
        [429, 'failed'],
        [429, 'failed'],
        [503, 'failed'],
        [202, 'opened'],
      ]);
    });

    it('refuses a count that is not a whole number', () => {
      // Act and assess
      expect(() => pagerDuty.failNext(-1, { kind: 'serverError' })).toThrow('failNext count must be a whole number');
    });
  });
});
