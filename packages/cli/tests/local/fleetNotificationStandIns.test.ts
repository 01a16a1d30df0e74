import path from 'node:path';
import { type FleetCloud, startFleetCloud } from '../../src/local/index.js';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
/** The services that post to Slack and receive its clicks (the others need neither). */
const serviceDirs = ['approval-callback', 'notify'].map((service) => path.join(repoRoot, 'services', service));

const CHANNEL = 'C0FLEETML';
const ANOTHER_ROUTING_KEY = 'R0UT1NGKEY0000000000000000000009';

describe('the fleet on the local cloud: Slack and PagerDuty', () => {
  let fleet: FleetCloud;

  beforeAll(async () => {
    fleet = await startFleetCloud({ logLevel: 'SILENT', serviceDirs });
  });

  afterAll(async () => {
    await fleet?.stop();
  });

  const postMessage = (token: string) =>
    fetch(`${fleet.http.slack}/chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ channel: CHANNEL, text: 'hello from the test' }),
    }).then((response) => response.json() as Promise<{ ok: boolean; error?: string }>);

  const enqueue = (routingKey: string) =>
    fetch(`${fleet.http.pagerduty}/v2/enqueue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        routing_key: routingKey,
        event_action: 'trigger',
        payload: { summary: 'test page', source: 'fleet-local', severity: 'critical' },
      }),
    });

  it('lists the Slack and PagerDuty URLs under http, as the functions get them', () => {
    // Assess
    expect(fleet.http.slack).toBe(`${fleet.slack.endpoint}/api`);
    expect(fleet.http.pagerduty).toBe(fleet.pagerDuty.endpoint);
    expect(fleet.cloud.functions.length).toBeGreaterThan(0);
    for (const fn of fleet.cloud.functions) {
      expect(fn.environment).toMatchObject({
        SLACK_API_URL: fleet.http.slack,
        PAGERDUTY_EVENTS_URL: fleet.http.pagerduty,
      });
    }
  });

  it('signs with the Slack signing secret and accepts only the bot token the Parameter Store holds', async () => {
    // Prepare
    const { slackSigningSecret, slackBotToken } = fleet.config.secrets;

    // Act
    const withSecret = await postMessage(fleet.secrets[slackBotToken as string]);
    const withAnother = await postMessage('xoxb-1-2-another');

    // Assess
    expect(fleet.slack.signingSecret).toBe(fleet.secrets[slackSigningSecret as string]);
    expect(withSecret.ok).toBe(true);
    expect(withAnother).toEqual({ ok: false, error: 'invalid_auth' });
    expect(fleet.slack.messages(CHANNEL).map((message) => message.text)).toContain('hello from the test');
  });

  it("has the routing's Slack channels, and no others", async () => {
    // Assess
    expect(fleet.slack.channels().map((channel) => channel.id)).toEqual([CHANNEL]);
  });

  it('takes the PagerDuty routing keys the Parameter Store holds and refuses others', async () => {
    // Prepare
    const critical = fleet.config.models.churn.routing.pagerduty?.critical as string;

    // Act
    const known = await enqueue(fleet.secrets[critical]);
    const unknown = await enqueue(ANOTHER_ROUTING_KEY);

    // Assess
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(400);
    expect(fleet.pagerDuty.incidents({ routingKey: fleet.secrets[critical] })).toHaveLength(1);
  });

  it("sends a posted button's click to the fleet's interactivity URL, signed so that the fleet accepts it", async () => {
    // Prepare
    const token = fleet.secrets[fleet.config.secrets.slackBotToken as string];
    const approver = fleet.config.models.churn.approvers?.[0] ?? 'U0APPROVER';
    const posted = (await fetch(`${fleet.http.slack}/chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        channel: CHANNEL,
        text: 'approval requested',
        blocks: [
          {
            type: 'actions',
            elements: [
              { type: 'button', action_id: 'approve', text: { type: 'plain_text', text: 'Approve' }, value: 'ap-none' },
            ],
          },
        ],
      }),
    }).then((response) => response.json())) as { ts: string };

    // Act
    const click = { channel: CHANNEL, ts: posted.ts, actionId: 'approve', user: { id: approver, username: 'ana' } };
    const signed = await fleet.slack.clickButton(click);
    const forged = await fleet.slack.clickButton({ ...click, signingSecret: 'not-the-signing-secret' });

    // Assess
    expect(fleet.slack.interactivityUrl).toBe(fleet.http.slackInteractions);
    expect(fleet.http.slackInteractions).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/slack\/interactions$/);
    expect(signed.status).toBe(200);
    expect(forged.status).toBe(401);
  });
});
