import path from 'node:path';
import { LocalCloud } from '../../src/LocalCloud.js';
import { SlackStandIn } from '../../src/slack/index.js';
import { startInteractionReceiver } from './interactionReceiver.js';

const rootDir = path.join(__dirname, '..', 'fixtures', 'stacks');

describe('SlackStandIn in the local cloud', () => {
  let cloud: LocalCloud | undefined;

  afterEach(async () => {
    await cloud?.stop();
    cloud = undefined;
  });

  it("gives the functions the Web API's base URL and signs clicks with the cloud's clock", async () => {
    // Prepare
    const standIn = new SlackStandIn({ signingSecret: 'the-cloud-app-secret' });
    cloud = await LocalCloud.start({ rootDir, standIns: [standIn] });
    const receiver = await startInteractionReceiver();

    // Act
    const result = await standIn.slack.sendBlockAction({
      url: receiver.url,
      signingSecret: standIn.slack.signingSecret,
      user: { id: 'U1', username: 'ana' },
      actionId: 'approve',
      value: 'ap-1',
    });
    const posted = await fetch(result.responseUrl, { method: 'POST', body: '{"text":"thanks"}' });
    await receiver.close();

    // Assess
    const apiUrl = standIn.slack.apiUrl;
    expect(apiUrl).toBe(`${standIn.slack.endpoint}/api`);
    expect(process.env.SLACK_API_URL).toBe(apiUrl);
    expect(new Set(cloud.functions.map((fn) => fn.environment.SLACK_API_URL))).toEqual(new Set([apiUrl]));
    expect(result.timestamp).toBe(Math.floor(cloud.clock.nowMs() / 1000));
    expect(standIn.slack.signingSecret).toBe('the-cloud-app-secret');
    expect(posted.status).toBe(200);
    expect(standIn.slack.responses(result.responseUrl).map((post) => post.body)).toEqual([{ text: 'thanks' }]);
  });

  it('throws before it is started', () => {
    // Act and assess
    expect(() => new SlackStandIn().slack).toThrow('the Slack stand-in is not started');
  });
});
