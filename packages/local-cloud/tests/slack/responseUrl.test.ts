import { LocalClock } from '../../src/clock/index.js';
import { LocalSlack } from '../../src/slack/index.js';

const START = '2026-03-02T09:00:00.000Z';

describe('LocalSlack response_url endpoints', () => {
  let clock: LocalClock;
  let slack: LocalSlack;

  beforeEach(async () => {
    clock = new LocalClock({ start: START });
    slack = new LocalSlack({ clock });
    await slack.listen();
  });

  afterEach(async () => {
    await slack.close();
  });

  const post = (url: string, body: string, contentType = 'application/json') =>
    fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });

  it('records each JSON post with its body and time, and answers ok', async () => {
    // Prepare
    const url = slack.newResponseUrl();
    const reply = { response_type: 'ephemeral', text: 'Approved by ana', replace_original: false };
    const replacement = {
      replace_original: true,
      text: 'churn v7 approved',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'done' } }],
    };

    // Act
    const first = await post(url, JSON.stringify(reply));
    await clock.tick('2s');
    const second = await post(url, JSON.stringify(replacement));

    // Assess
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ ok: true });
    expect(second.status).toBe(200);
    expect(slack.responses(url)).toEqual([
      {
        url,
        at: new Date(START),
        contentType: 'application/json',
        rawBody: JSON.stringify(reply),
        body: reply,
        status: 200,
      },
      {
        url,
        at: new Date(Date.parse(START) + 2000),
        contentType: 'application/json',
        rawBody: JSON.stringify(replacement),
        body: replacement,
        status: 200,
      },
    ]);
  });

  it('keeps the posts of each response_url apart', async () => {
    // Prepare
    const one = slack.newResponseUrl();
    const other = slack.newResponseUrl();

    // Act
    await post(one, '{"text":"one"}');
    await post(other, '{"text":"other"}');

    // Assess
    expect(one).not.toBe(other);
    expect(slack.responses(one).map((p) => p.body)).toEqual([{ text: 'one' }]);
    expect(slack.responses(other).map((p) => p.body)).toEqual([{ text: 'other' }]);
    expect(slack.responses()).toHaveLength(2);
  });

  it('answers invalid_payload to a body that is not a JSON object, and records it', async () => {
    // Prepare
    const url = slack.newResponseUrl();

    // Act
    const response = await post(url, 'text=hello', 'application/x-www-form-urlencoded');

    // Assess
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, error: 'invalid_payload' });
    expect(slack.responses(url)).toMatchObject([{ status: 400, rawBody: 'text=hello', body: undefined }]);
  });

  it('fails the next posts as switched: ratelimited with Retry-After, then a server error, then ok', async () => {
    // Prepare
    const url = slack.newResponseUrl();
    slack.failNext(1, { kind: 'ratelimited', retryAfterSeconds: 7 }, 'responseUrl');
    slack.failNext(1, { kind: 'serverError', status: 502 }, 'responseUrl');

    // Act
    const limited = await post(url, '{"text":"a"}');
    const broken = await post(url, '{"text":"b"}');
    const fine = await post(url, '{"text":"c"}');

    // Assess
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(await limited.json()).toEqual({ ok: false, error: 'ratelimited' });
    expect(broken.status).toBe(502);
    expect(fine.status).toBe(200);
    expect(slack.responses(url).map((p) => p.status)).toEqual([429, 502, 200]);
  });

  it('answers 404 outside its paths and 405 to another method', async () => {
    // Act
    const elsewhere = await post(`${slack.endpoint}/hooks/x`, '{}');
    const get = await fetch(slack.newResponseUrl());

    // Assess
    expect(elsewhere.status).toBe(404);
    expect(get.status).toBe(405);
    expect(slack.responses()).toEqual([]);
  });

  it('throws when asked for a response_url while not listening', async () => {
    // Prepare
    await slack.close();

    // Act and assess
    expect(() => slack.newResponseUrl()).toThrow('the Slack stand-in is not listening');
  });
});
