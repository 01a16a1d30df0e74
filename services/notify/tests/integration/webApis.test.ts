import { PagerDutyEventsApi } from '../../src/adapters/PagerDutyEventsApi.js';
import { SlackWebApi } from '../../src/adapters/SlackWebApi.js';
import { pagerDutyResolve } from '../../src/domain/pagerduty/pagerDutyTrigger.js';
import type { SlackMessage } from '../../src/domain/slack/SlackMessage.js';
import { FakeThirdParties, listen } from '../support/httpFakes.js';

const message: SlackMessage = { text: 'hello', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hello' } }] };
let fakes: FakeThirdParties;

beforeEach(async () => {
  fakes = await new FakeThirdParties().start();
});

afterEach(async () => {
  await fakes.stop();
});

const slackApi = (baseUrl = fakes.slackUrl, timeoutMs = 2000) =>
  new SlackWebApi({
    baseUrl,
    token: async () => 'xoxb-test',
    timeoutMs,
    now: () => Date.parse('2026-03-02T12:00:00Z'),
  });

describe('SlackWebApi over HTTP', () => {
  it('posts JSON with the bearer token and returns the ts', async () => {
    // Act
    const posted = await slackApi().postMessage({ channel: 'C1', message, threadTs: '1.0' });

    // Assess
    expect(posted).toEqual({ channel: 'C1', ts: expect.stringMatching(/^\d+\.\d+$/) });
    expect(fakes.slackCalls[0]).toMatchObject({
      path: '/slack/api/chat.postMessage',
      headers: expect.objectContaining({
        authorization: 'Bearer xoxb-test',
        'content-type': 'application/json; charset=utf-8',
      }),
      body: { channel: 'C1', thread_ts: '1.0', text: 'hello', blocks: message.blocks },
    });
  });

  it.each([
    [{ status: 200, body: { ok: false, error: 'channel_not_found' } }, 'PermanentDeliveryError', 'channel_not_found'],
    [{ status: 200, body: { ok: false, error: 'not_in_channel' } }, 'PermanentDeliveryError', 'not_in_channel'],
    [{ status: 200, body: { ok: false, error: 'invalid_auth' } }, 'PermanentDeliveryError', 'invalid_auth'],
    [{ status: 200, body: { ok: false, error: 'internal_error' } }, 'TransientDeliveryError', 'internal_error'],
    [{ status: 503, body: {} }, 'TransientDeliveryError', 'http_503'],
    [
      { status: 429, headers: { 'retry-after': '7' }, body: { ok: false, error: 'ratelimited' } },
      'RateLimitedError',
      'ratelimited',
    ],
  ])('classifies %j', async (answer, name, reason) => {
    // Prepare
    fakes.slackAnswers.push(answer);

    // Act
    const posting = slackApi().postMessage({ channel: 'C1', message });

    // Assess
    await expect(posting).rejects.toMatchObject({ name, reason });
  });

  it('reads Retry-After in seconds', async () => {
    // Prepare
    fakes.slackAnswers.push({
      status: 429,
      headers: { 'retry-after': '7' },
      body: { ok: false, error: 'ratelimited' },
    });

    // Act
    const posting = slackApi().updateMessage({ channel: 'C1', ts: '1.0', message });

    // Assess
    await expect(posting).rejects.toMatchObject({ retryAfterMs: 7000 });
  });

  it('refuses a message over Slack limits without sending it', async () => {
    // Act
    const posting = slackApi().postMessage({ channel: 'C1', message: { text: 'x'.repeat(4001), blocks: [] } });

    // Assess
    await expect(posting).rejects.toMatchObject({ name: 'PermanentDeliveryError', reason: 'invalid_blocks' });
    expect(fakes.slackCalls).toEqual([]);
  });

  it('gives up on a slow server after its time-out, and on a closed port, as transient', async () => {
    // Prepare
    const silent = await listen(
      () => new Promise((resolve) => setTimeout(() => resolve({ status: 200, body: { ok: true, ts: '1.0' } }), 1000)),
    );
    const closed = await listen(() => ({ status: 200, body: {} }));
    await closed.close();

    // Act
    const timedOut = await slackApi(silent.url, 200)
      .postMessage({ channel: 'C1', message })
      .catch((error: unknown) => error);
    const refused = await slackApi(closed.url)
      .postMessage({ channel: 'C1', message })
      .catch((error: unknown) => error);

    // Assess
    expect(timedOut).toMatchObject({ name: 'TransientDeliveryError', reason: 'timeout' });
    expect(refused).toMatchObject({ name: 'TransientDeliveryError', reason: 'network' });
    await silent.close();
  });
});

describe('PagerDutyEventsApi over HTTP', () => {
  const resolve = pagerDutyResolve('R'.repeat(32), 'fleet-test-drift-churn');

  it('sends to /v2/enqueue and returns the dedup key', async () => {
    // Act
    const sent = await new PagerDutyEventsApi({ baseUrl: fakes.pagerDutyUrl }).send(resolve);

    // Assess
    expect(sent).toEqual({ dedupKey: 'fleet-test-drift-churn' });
    expect(fakes.pagerDutyCalls[0]).toMatchObject({ path: '/pagerduty/v2/enqueue', body: resolve });
  });

  it.each([
    [
      { status: 400, body: { status: 'invalid event', message: 'Event object is invalid', errors: ['x'] } },
      'PermanentDeliveryError',
    ],
    [{ status: 429, body: {} }, 'RateLimitedError'],
    [{ status: 500, body: {} }, 'TransientDeliveryError'],
  ])('classifies %j', async (answer, name) => {
    // Prepare
    fakes.pagerDutyAnswers.push(answer);

    // Act
    const sending = new PagerDutyEventsApi({ baseUrl: fakes.pagerDutyUrl }).send(resolve);

    // Assess
    await expect(sending).rejects.toMatchObject({ name });
  });
});
