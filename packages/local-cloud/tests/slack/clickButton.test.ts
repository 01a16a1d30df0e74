import { createHmac } from 'node:crypto';
import { LocalClock } from '../../src/clock/index.js';
import { LocalSlack } from '../../src/slack/index.js';
import { startInteractionReceiver } from './interactionReceiver.js';

const START = '2026-03-02T09:00:00.000Z';
const TOKEN = 'xoxb-test-token';
const SECRET = 'the-workspace-signing-secret';
const ANA = { id: 'U0ANA00001', username: 'ana' };

const approvalBlocks = [
  { type: 'section', block_id: 'summary', text: { type: 'mrkdwn', text: '*churn* v7 waits for approval' } },
  {
    type: 'actions',
    block_id: 'decision',
    elements: [
      {
        type: 'button',
        action_id: 'approve',
        style: 'primary',
        text: { type: 'plain_text', text: 'Approve' },
        value: 'ap-42',
      },
      {
        type: 'button',
        action_id: 'reject',
        style: 'danger',
        text: { type: 'plain_text', text: 'Reject' },
        value: 'ap-42',
      },
    ],
  },
];

describe('LocalSlack.clickButton', () => {
  let slack: LocalSlack;
  let receiver: Awaited<ReturnType<typeof startInteractionReceiver>>;
  let ts: string;

  beforeEach(async () => {
    slack = new LocalSlack({
      clock: new LocalClock({ start: START }),
      botToken: TOKEN,
      signingSecret: SECRET,
      channels: [{ id: 'C0MODELS01', name: 'models' }],
    });
    await slack.listen();
    receiver = await startInteractionReceiver(() => ({ status: 200 }));
    slack.setInteractivityUrl(receiver.url);
    const posted = await fetch(`${slack.apiUrl}/chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ channel: 'C0MODELS01', text: 'churn v7 waits for approval', blocks: approvalBlocks }),
    });
    ts = ((await posted.json()) as { ts: string }).ts;
  });

  afterEach(async () => {
    await slack.close();
    await receiver.close();
  });

  it("sends the posted button's block_actions payload, signed with the workspace secret, to the interactivity URL", async () => {
    // Act
    const result = await slack.clickButton({ channel: 'C0MODELS01', ts, actionId: 'approve', user: ANA });

    // Assess
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    const timestamp = request.headers['x-slack-request-timestamp'];
    expect(request.headers['x-slack-signature']).toBe(
      `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${request.rawBody}`).digest('hex')}`,
    );
    const payload = JSON.parse(new URLSearchParams(request.rawBody).get('payload') ?? 'null');
    expect(payload).toMatchObject({
      type: 'block_actions',
      user: { id: ANA.id, username: 'ana' },
      container: { type: 'message', message_ts: ts, channel_id: 'C0MODELS01', is_ephemeral: false },
      channel: { id: 'C0MODELS01', name: 'models' },
      message: { type: 'message', ts, text: 'churn v7 waits for approval', blocks: approvalBlocks },
      response_url: result.responseUrl,
      actions: [
        {
          action_id: 'approve',
          block_id: 'decision',
          value: 'ap-42',
          style: 'primary',
          type: 'button',
          text: { type: 'plain_text', text: 'Approve' },
        },
      ],
    });
    expect(payload.message.channel).toBeUndefined();
    expect(result.status).toBe(200);
  });

  it('finds the message by channel name, and can sign with another secret to forge a click', async () => {
    // Act
    await slack.clickButton({ channel: '#models', ts, actionId: 'reject', user: ANA, signingSecret: 'forged' });

    // Assess
    const [request] = receiver.received;
    const timestamp = request.headers['x-slack-request-timestamp'];
    expect(request.headers['x-slack-signature']).toBe(
      `v0=${createHmac('sha256', 'forged').update(`v0:${timestamp}:${request.rawBody}`).digest('hex')}`,
    );
    expect(JSON.parse(new URLSearchParams(request.rawBody).get('payload') ?? 'null').actions[0]).toMatchObject({
      action_id: 'reject',
      style: 'danger',
    });
  });

  it('throws naming what is missing: the message, the button, the interactivity URL', async () => {
    // Prepare
    const withoutUrl = new LocalSlack({ clock: new LocalClock({ start: START }) });

    // Act and assess
    await expect(
      slack.clickButton({ channel: 'C0MODELS01', ts: '1.000001', actionId: 'approve', user: ANA }),
    ).rejects.toThrow('the Slack stand-in holds no message 1.000001 in channel C0MODELS01');
    await expect(slack.clickButton({ channel: 'C0MODELS01', ts, actionId: 'escalate', user: ANA })).rejects.toThrow(
      `message ${ts} in channel C0MODELS01 has no element with action_id escalate`,
    );
    await expect(withoutUrl.clickButton({ channel: 'C0MODELS01', ts, actionId: 'approve', user: ANA })).rejects.toThrow(
      'has no interactivity URL',
    );
    expect(receiver.received).toEqual([]);
  });
});
