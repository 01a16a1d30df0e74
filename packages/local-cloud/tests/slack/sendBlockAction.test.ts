import { createHmac, timingSafeEqual } from 'node:crypto';
import { LocalClock } from '../../src/clock/index.js';
import { LocalSlack, SLACK_DEFAULTS, slackSignature } from '../../src/slack/index.js';
import { type ReceivedRequest, startInteractionReceiver } from './interactionReceiver.js';

const START = '2026-03-02T09:00:00.000Z';
const SECRET = 'a-signing-secret-of-the-test-app';
const ANA = { id: 'U0ANA00001', username: 'ana' };

/** Slack's verification, written here from Slack's documentation rather than taken from the stand-in. */
const verifiedBySlackRules = (request: ReceivedRequest, secret: string): boolean => {
  const timestamp = request.headers['x-slack-request-timestamp'];
  const signature = request.headers['x-slack-signature'];
  if (typeof timestamp !== 'string' || typeof signature !== 'string') return false;
  const expected = Buffer.from(
    `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${request.rawBody}`).digest('hex')}`,
  );
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
};

const payloadOf = (request: ReceivedRequest): Record<string, unknown> =>
  JSON.parse(new URLSearchParams(request.rawBody).get('payload') ?? 'null');

describe('slackSignature', () => {
  it("reproduces Slack's documented example", () => {
    // Prepare
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';

    // Act
    const signature = slackSignature('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, body);

    // Assess
    expect(signature).toBe('v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503');
  });
});

describe('LocalSlack.sendBlockAction', () => {
  let clock: LocalClock;
  let slack: LocalSlack;
  let receiver: Awaited<ReturnType<typeof startInteractionReceiver>>;

  beforeEach(async () => {
    clock = new LocalClock({ start: START });
    slack = new LocalSlack({ clock });
    await slack.listen();
    receiver = await startInteractionReceiver(() => ({ status: 200, body: '{"answered":true}' }));
  });

  afterEach(async () => {
    await slack.close();
    await receiver.close();
  });

  it('sends a form-encoded block_actions payload signed as Slack signs it, timed by the local clock', async () => {
    // Act
    const result = await slack.sendBlockAction({
      url: receiver.url,
      signingSecret: SECRET,
      user: ANA,
      actionId: 'approve',
      value: 'ap-123',
    });

    // Assess
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request.method).toBe('POST');
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.headers['x-slack-request-timestamp']).toBe(String(Date.parse(START) / 1000));
    expect(verifiedBySlackRules(request, SECRET)).toBe(true);
    expect(verifiedBySlackRules(request, 'another-secret')).toBe(false);
    expect(request.rawBody.startsWith('payload=')).toBe(true);
    expect(result).toMatchObject({ status: 200, body: '{"answered":true}', timestamp: Date.parse(START) / 1000 });
    expect(result.signature).toBe(request.headers['x-slack-signature']);
  });

  it('builds the documented block_actions fields with the clicked button', async () => {
    // Act
    const result = await slack.sendBlockAction({
      url: receiver.url,
      signingSecret: SECRET,
      user: ANA,
      actionId: 'reject',
      value: 'ap-9',
    });

    // Assess
    const payload = payloadOf(receiver.received[0]);
    expect(payload).toEqual(result.payload);
    expect(payload).toMatchObject({
      type: 'block_actions',
      user: { id: 'U0ANA00001', username: 'ana', name: 'ana', team_id: SLACK_DEFAULTS.teamId },
      api_app_id: SLACK_DEFAULTS.appId,
      team: { id: SLACK_DEFAULTS.teamId, domain: SLACK_DEFAULTS.teamDomain },
      container: { type: 'message', is_ephemeral: false },
      state: { values: {} },
      response_url: result.responseUrl,
      actions: [{ action_id: 'reject', value: 'ap-9', type: 'button', action_ts: '1772442000.000000' }],
    });
    expect(payload.trigger_id).toEqual(expect.stringMatching(/^\d+\.\d+\.[0-9a-f]{32}$/));
    expect(result.responseUrl).toMatch(
      new RegExp(`^${slack.endpoint}/actions/${SLACK_DEFAULTS.teamId}/\\d+/[0-9a-f]+$`),
    );
  });

  it("takes the button's block, text and style from the message that holds it, and the message and channel", async () => {
    // Prepare
    const message = {
      ts: '1772441000.000100',
      text: 'churn v7 waits for approval',
      blocks: [
        { type: 'section', block_id: 'summary', text: { type: 'mrkdwn', text: 'churn v7' } },
        {
          type: 'actions',
          block_id: 'decision',
          elements: [
            {
              type: 'button',
              action_id: 'approve',
              style: 'primary',
              text: { type: 'plain_text', text: 'Approve' },
              value: 'ap-1',
            },
            {
              type: 'button',
              action_id: 'reject',
              style: 'danger',
              text: { type: 'plain_text', text: 'Reject' },
              value: 'ap-1',
            },
          ],
        },
      ],
    };

    // Act
    await slack.sendBlockAction({
      url: receiver.url,
      signingSecret: SECRET,
      user: ANA,
      actionId: 'reject',
      value: 'ap-1',
      message,
      channel: { id: 'C0MODELS01', name: 'models' },
    });

    // Assess
    const payload = payloadOf(receiver.received[0]);
    expect(payload.actions).toEqual([
      {
        action_id: 'reject',
        block_id: 'decision',
        text: { type: 'plain_text', text: 'Reject' },
        value: 'ap-1',
        style: 'danger',
        type: 'button',
        action_ts: '1772442000.000000',
      },
    ]);
    expect(payload).toMatchObject({
      container: { type: 'message', message_ts: '1772441000.000100', channel_id: 'C0MODELS01', is_ephemeral: false },
      channel: { id: 'C0MODELS01', name: 'models' },
      message: { type: 'message', ...message },
    });
  });

  it('signs with the secret it is given, so a test can forge a request', async () => {
    // Act
    const result = await slack.sendBlockAction({
      url: receiver.url,
      signingSecret: 'not-the-app-secret',
      user: ANA,
      actionId: 'approve',
      value: 'ap-1',
    });

    // Assess
    expect(verifiedBySlackRules(receiver.received[0], SECRET)).toBe(false);
    expect(verifiedBySlackRules(receiver.received[0], 'not-the-app-secret')).toBe(true);
    expect(slack.interactions()).toEqual([result]);
  });

  it('carries the response_url it is given, and gives each click its own otherwise', async () => {
    // Act
    const given = await slack.sendBlockAction({
      url: receiver.url,
      signingSecret: SECRET,
      user: ANA,
      actionId: 'approve',
      value: 'ap-1',
      responseUrl: 'http://127.0.0.1:9/actions/T/1/x',
    });
    const first = await slack.sendBlockAction({
      url: receiver.url,
      signingSecret: SECRET,
      user: ANA,
      actionId: 'approve',
      value: 'a',
    });
    const second = await slack.sendBlockAction({
      url: receiver.url,
      signingSecret: SECRET,
      user: ANA,
      actionId: 'approve',
      value: 'a',
    });

    // Assess
    expect(payloadOf(receiver.received[0]).response_url).toBe('http://127.0.0.1:9/actions/T/1/x');
    expect(given.responseUrl).toBe('http://127.0.0.1:9/actions/T/1/x');
    expect(first.responseUrl).not.toBe(second.responseUrl);
  });

  it("returns the app's answer whatever its status, and follows the clock", async () => {
    // Prepare
    await receiver.close();
    receiver = await startInteractionReceiver(() => ({ status: 401, body: 'invalid signature' }));
    await clock.tick('90s');

    // Act
    const result = await slack.sendBlockAction({
      url: receiver.url,
      signingSecret: SECRET,
      user: ANA,
      actionId: 'approve',
      value: 'a',
    });

    // Assess
    expect(result).toMatchObject({ status: 401, body: 'invalid signature', timestamp: Date.parse(START) / 1000 + 90 });
    expect(receiver.received[0].headers['x-slack-request-timestamp']).toBe(String(Date.parse(START) / 1000 + 90));
  });

  it('throws naming the URL when the app cannot be reached', async () => {
    // Prepare
    await receiver.close();

    // Act and assess
    await expect(
      slack.sendBlockAction({ url: receiver.url, signingSecret: SECRET, user: ANA, actionId: 'approve', value: 'a' }),
    ).rejects.toThrow(`could not send the interaction to ${receiver.url}`);
  });
});
