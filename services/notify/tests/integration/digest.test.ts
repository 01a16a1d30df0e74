import { createDigestFireHandler } from '../../src/handlers/digestFire.js';
import { createSlackDeliveryHandler } from '../../src/handlers/slackDelivery.js';
import { lambdaContext, notifyHarnessPerTest } from '../support/notifyHarness.js';
import { sampleDetail, sampleEvent } from '../support/sampleEvents.js';

const harness = notifyHarnessPerTest();

const rejected = (n: number) =>
  sampleEvent(
    'Dataset Rejected',
    sampleDetail('Dataset Rejected', { key: `raw/churn/2026-03-02/part-${n}.csv` }, `part-${n}`),
  );

describe('per-channel digests (dynalite, HTTP fake of Slack)', () => {
  it('posts a burst of 30 rejected files to one channel as one digest message', async () => {
    // Prepare
    const slack = createSlackDeliveryHandler(harness.slackPorts);
    const fire = createDigestFireHandler(harness.slackPorts);

    // Act: 30 events at once, then the one schedule they armed fires 30 s later.
    await Promise.all(Array.from({ length: 30 }, (_, n) => slack(rejected(n), lambdaContext(`r${n}`))));
    const postedBeforeFire = harness.thirdParties.slackCalls.length;
    const schedules = [...harness.scheduler.armed.values()];
    harness.clock.advance(30_000);
    await fire(schedules[0].payload, lambdaContext('fire-1'));
    await fire(schedules[0].payload, lambdaContext('fire-2'));

    // Assess
    expect(postedBeforeFire).toBe(0);
    expect(harness.scheduler.armings).toBe(1);
    expect(schedules[0].at.toISOString()).toBe('2026-03-02T12:00:30.000Z');
    const posts = harness.thirdParties.slackCallsOf('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0].body).toMatchObject({
      channel: 'C0FLEETML',
      text: expect.stringMatching(/^30 notifications: 30 × Dataset Rejected/),
    });
    for (const n of [0, 17, 29]) expect(JSON.stringify(posts[0].body.blocks)).toContain(`part-${n}.csv`);
  });

  it('opens the next window for an event that arrives after the digest was taken', async () => {
    // Prepare
    const slack = createSlackDeliveryHandler(harness.slackPorts);
    const fire = createDigestFireHandler(harness.slackPorts);
    await slack(rejected(1), lambdaContext('r1'));
    const first = [...harness.scheduler.armed.values()][0].payload;

    // Act
    harness.clock.advance(30_000);
    await fire(first, lambdaContext('fire-1'));
    await slack(rejected(2), lambdaContext('r2'));
    const second = [...harness.scheduler.armed.values()][0].payload;
    await fire(second, lambdaContext('fire-2'));

    // Assess
    expect(second.windowId).not.toBe(first.windowId);
    expect(harness.scheduler.armings).toBe(2);
    expect(
      harness.thirdParties.slackCallsOf('chat.postMessage').map((call) => String(call.body.text).slice(0, 15)),
    ).toEqual(['1 notification:', '1 notification:']);
  });

  it('posts an error at once, without waiting for the digest', async () => {
    // Prepare
    const slack = createSlackDeliveryHandler(harness.slackPorts);

    // Act
    await slack(sampleEvent('Retraining Failed', sampleDetail('Retraining Failed')), lambdaContext('r1'));

    // Assess
    expect(harness.thirdParties.slackCallsOf('chat.postMessage')).toHaveLength(1);
    expect(harness.scheduler.armings).toBe(0);
  });
});
