import { createPagerDutyDeliveryHandler } from '../../src/handlers/pagerDutyDelivery.js';
import { createSlackDeliveryHandler } from '../../src/handlers/slackDelivery.js';
import { lambdaContext, notifyHarnessPerTest } from '../support/notifyHarness.js';
import { sampleDetail, sampleEvent } from '../support/sampleEvents.js';

const harness = notifyHarnessPerTest();

const deliveryRecord = (eventKey: string, destination: string) =>
  harness.records.get(`DELIVERY#${eventKey}`, destination);

describe('delivery failures (dynalite, HTTP fakes of Slack and PagerDuty)', () => {
  it('waits out Slack Retry-After when the time allows, then posts', async () => {
    // Prepare
    const slack = createSlackDeliveryHandler(harness.slackPorts);
    const detail = sampleDetail('Retraining Failed');
    harness.thirdParties.slackAnswers.push({
      status: 429,
      headers: { 'retry-after': '3' },
      body: { ok: false, error: 'ratelimited' },
    });

    // Act
    await slack(sampleEvent('Retraining Failed', detail), lambdaContext('r1', 30_000));

    // Assess
    expect(harness.sleeps).toEqual([3000]);
    expect(harness.thirdParties.slackCallsOf('chat.postMessage')).toHaveLength(2);
    expect(await deliveryRecord(detail.eventKey, 'slack:C0FLEETML')).toMatchObject({ state: 'completed' });
  });

  it('leaves a rate limit longer than the time left to the retry path, which posts later', async () => {
    // Prepare
    const slack = createSlackDeliveryHandler(harness.slackPorts);
    const detail = sampleDetail('Retraining Failed');
    harness.thirdParties.slackAnswers.push({
      status: 429,
      headers: { 'retry-after': '30' },
      body: { ok: false, error: 'ratelimited' },
    });

    // Act
    const first = slack(sampleEvent('Retraining Failed', detail), lambdaContext('r1', 10_000));
    await expect(first).rejects.toThrow(/rate limited.*Retry-After 30 s exceeds the time left/);
    const failed = await deliveryRecord(detail.eventKey, 'slack:C0FLEETML');
    await slack(sampleEvent('Retraining Failed', detail), lambdaContext('r1', 30_000));

    // Assess
    expect(harness.sleeps).toEqual([]);
    expect(failed).toMatchObject({ state: 'failed', failure: { name: 'TransientDeliveryError' } });
    expect(harness.thirdParties.slackCallsOf('chat.postMessage')).toHaveLength(2);
    expect(await deliveryRecord(detail.eventKey, 'slack:C0FLEETML')).toMatchObject({ state: 'completed', fence: 2 });
  });

  it('retries a 5xx with bounded backoff within the invocation', async () => {
    // Prepare
    const pagerduty = createPagerDutyDeliveryHandler(harness.pagerDutyPorts);
    const detail = sampleDetail('Retraining Failed');
    harness.thirdParties.pagerDutyAnswers.push({ status: 502, body: {} }, { status: 503, body: {} });

    // Act
    await pagerduty(sampleEvent('Retraining Failed', detail), lambdaContext('p1'));

    // Assess
    expect(harness.sleeps).toEqual([250, 500]);
    expect(harness.thirdParties.pagerDutyCalls).toHaveLength(3);
  });

  it('records channel_not_found as a failed delivery and never calls Slack again for it, failing every retry', async () => {
    // Prepare
    const slack = createSlackDeliveryHandler(harness.slackPorts);
    const detail = sampleDetail('Deployment Failed');
    harness.thirdParties.slackAnswers.push({ status: 200, body: { ok: false, error: 'channel_not_found' } });
    const event = sampleEvent('Deployment Failed', detail);

    // Act: the first invocation, then Lambda's two retries (same request id).
    const attempts = await Promise.allSettled([slack(event, lambdaContext('r1'))]);
    attempts.push(...(await Promise.allSettled([slack(event, lambdaContext('r1'))])));
    attempts.push(...(await Promise.allSettled([slack(event, lambdaContext('r1'))])));

    // Assess
    expect(attempts.map((a) => a.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect((attempts[0] as PromiseRejectedResult).reason).toMatchObject({ name: 'PermanentDeliveryError' });
    expect(harness.thirdParties.slackCallsOf('chat.postMessage')).toHaveLength(1);
    expect(await deliveryRecord(detail.eventKey, 'slack:C0FLEETML')).toMatchObject({
      state: 'failed',
      failure: { name: 'PermanentDeliveryError', message: expect.stringContaining('channel_not_found') },
    });
  });

  it('records a PagerDuty 400 as a failed delivery and does not send it again', async () => {
    // Prepare
    const pagerduty = createPagerDutyDeliveryHandler(harness.pagerDutyPorts);
    const detail = sampleDetail('Retraining Failed');
    harness.thirdParties.pagerDutyAnswers.push({
      status: 400,
      body: {
        status: 'invalid event',
        message: 'Event object is invalid',
        errors: ["Length of 'routing_key' is incorrect (should be 32 characters)"],
      },
    });
    const event = sampleEvent('Retraining Failed', detail);

    // Act
    const first = await Promise.allSettled([pagerduty(event, lambdaContext('p1'))]);
    const retry = await Promise.allSettled([pagerduty(event, lambdaContext('p1'))]);

    // Assess
    expect([...first, ...retry].map((a) => a.status)).toEqual(['rejected', 'rejected']);
    expect(harness.thirdParties.pagerDutyCalls).toHaveLength(1);
    expect(harness.sleeps).toEqual([]);
    expect(await deliveryRecord(detail.eventKey, 'pagerduty:/fleet/pagerduty/churn-error')).toMatchObject({
      state: 'failed',
      failure: { name: 'PermanentDeliveryError', message: expect.stringContaining('Event object is invalid') },
    });
  });
});
