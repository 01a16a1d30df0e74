import { createPagerDutyDeliveryHandler } from '../../src/handlers/pagerDutyDelivery.js';
import { createSlackDeliveryHandler } from '../../src/handlers/slackDelivery.js';
import { lambdaContext, notifyHarnessPerTest, SECRETS } from '../support/notifyHarness.js';
import { sampleDetail, sampleEvent } from '../support/sampleEvents.js';

const harness = notifyHarnessPerTest();

const deliveryRecord = (eventKey: string, destination: string) =>
  harness.records.get(`DELIVERY#${eventKey}`, destination);

describe('exactly once per event and destination (dynalite, HTTP fakes of Slack and PagerDuty)', () => {
  it('posts one Slack message and sends one PagerDuty event for an event delivered three times at once', async () => {
    // Prepare: three deliveries of the same event (EventBridge ids differ on a re-publish).
    const slack = createSlackDeliveryHandler(harness.slackPorts);
    const pagerduty = createPagerDutyDeliveryHandler(harness.pagerDutyPorts);
    const detail = sampleDetail('Retraining Failed');
    const events = [1, 2, 3].map((n) => sampleEvent('Retraining Failed', detail, `evt-${n}`));

    // Act
    await Promise.all(
      events.flatMap((event, i) => [
        slack(event, lambdaContext(`slack-${i}`)),
        pagerduty(event, lambdaContext(`pd-${i}`)),
      ]),
    );
    await slack(events[0], lambdaContext('slack-later'));
    await pagerduty(events[0], lambdaContext('pd-later'));

    // Assess
    const posts = harness.thirdParties.slackCallsOf('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0].headers.authorization).toBe(`Bearer ${SECRETS.botToken}`);
    expect(posts[0].body).toMatchObject({ channel: 'C0FLEETML' });
    expect(harness.thirdParties.pagerDutyCalls.map((call) => call.body)).toEqual([
      expect.objectContaining({
        routing_key: SECRETS.errorKey,
        event_action: 'trigger',
        dedup_key: 'fleet-test-retraining-churn-retrain-e1',
      }),
    ]);
    expect(await deliveryRecord(detail.eventKey, 'slack:C0FLEETML')).toMatchObject({
      kind: 'delivery',
      state: 'completed',
      correlationId: detail.correlationId,
      result: { channel: 'C0FLEETML', ts: expect.any(String) },
    });
    expect(await deliveryRecord(detail.eventKey, 'pagerduty:/fleet/pagerduty/churn-error')).toMatchObject({
      state: 'completed',
      result: { action: 'trigger', dedupKey: 'fleet-test-retraining-churn-retrain-e1' },
    });
  });

  it('posts an approval request with its buttons, then updates it and replies in its thread once decided', async () => {
    // Prepare
    const slack = createSlackDeliveryHandler(harness.slackPorts);
    const requested = sampleDetail('Approval Requested');
    const decided = sampleDetail('Approval Decided');

    // Act
    await slack(sampleEvent('Approval Requested', requested), lambdaContext('r1'));
    await slack(sampleEvent('Approval Decided', decided), lambdaContext('r2'));
    await slack(sampleEvent('Approval Decided', decided), lambdaContext('r3'));

    // Assess
    const [request, reply] = harness.thirdParties.slackCallsOf('chat.postMessage');
    const updates = harness.thirdParties.slackCallsOf('chat.update');
    expect(JSON.stringify(request.body.blocks)).toContain('"action_id":"approve"');
    expect(updates).toHaveLength(1);
    expect(JSON.stringify(updates[0].body.blocks)).not.toContain('"type":"actions"');
    const requestTs = (await deliveryRecord(requested.eventKey, 'slack:C0FLEETML'))?.result as { ts: string };
    expect(updates[0].body).toMatchObject({ channel: 'C0FLEETML', ts: requestTs.ts });
    expect(reply.body).toMatchObject({ channel: 'C0FLEETML', thread_ts: requestTs.ts });
    expect(harness.thirdParties.slackCallsOf('chat.postMessage')).toHaveLength(2);
  });

  it('posts a decision at the top level when no request was posted', async () => {
    // Prepare: a quality-gate rejection never asked anyone.
    const slack = createSlackDeliveryHandler(harness.slackPorts);
    const decided = sampleDetail('Approval Decided', {
      approvalId: 'appr-gate',
      decision: 'rejected',
      decidedBy: 'fleet:quality-gate',
      expiresAt: null,
      reason: 'roc_auc 0.61 below the minimum 0.7',
    });

    // Act
    await slack(sampleEvent('Approval Decided', decided), lambdaContext('r1'));

    // Assess
    const posts = harness.thirdParties.slackCallsOf('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0].body.thread_ts).toBeUndefined();
    expect(String(posts[0].body.text)).toContain('roc_auc 0.61 below the minimum 0.7');
    expect(harness.thirdParties.slackCallsOf('chat.update')).toEqual([]);
  });

  it('opens a drift incident on critical drift and resolves it with the same key on Drift Cleared', async () => {
    // Prepare
    const pagerduty = createPagerDutyDeliveryHandler(harness.pagerDutyPorts);
    const warning = sampleDetail('Drift Detected', { severity: 'warning' }, 'window-1');
    const critical = sampleDetail('Drift Detected', {}, 'window-2');
    const cleared = sampleDetail('Drift Cleared', {}, 'window-3');

    // Act
    await pagerduty(sampleEvent('Drift Detected', warning), lambdaContext('d1'));
    await pagerduty(sampleEvent('Drift Detected', critical), lambdaContext('d2'));
    await pagerduty(sampleEvent('Drift Cleared', cleared), lambdaContext('d3'));
    await pagerduty(sampleEvent('Drift Cleared', sampleDetail('Drift Cleared', {}, 'window-4')), lambdaContext('d4'));

    // Assess
    const bodies = harness.thirdParties.pagerDutyCalls.map((call) => call.body);
    expect(bodies).toEqual([
      expect.objectContaining({
        routing_key: SECRETS.criticalKey,
        event_action: 'trigger',
        dedup_key: 'fleet-test-drift-churn',
        payload: expect.objectContaining({ severity: 'critical', component: 'churn', class: 'Drift Detected' }),
        links: [
          expect.objectContaining({ href: expect.stringMatching(/^https:\/\/reports\.fleet\.test\/reports\/churn\//) }),
        ],
      }),
      { routing_key: SECRETS.criticalKey, event_action: 'resolve', dedup_key: 'fleet-test-drift-churn' },
    ]);
    expect(await harness.records.get('INCIDENT#drift#churn', 'fleet-test-drift-churn')).toMatchObject({
      state: 'resolved',
    });
  });

  it('resolves the incident of a failed deployment when the endpoint is deployed', async () => {
    // Prepare
    const pagerduty = createPagerDutyDeliveryHandler(harness.pagerDutyPorts);
    const failed = sampleDetail('Deployment Failed');
    const deployed = sampleDetail('Model Deployed', {
      modelPackageArn: 'arn:aws:sagemaker:eu-west-1:1:model-package/churn/4',
    });

    // Act
    await pagerduty(sampleEvent('Deployment Failed', failed), lambdaContext('p1'));
    await pagerduty(sampleEvent('Model Deployed', deployed), lambdaContext('p2'));

    // Assess
    expect(
      harness.thirdParties.pagerDutyCalls.map((call) => [
        call.body.event_action,
        call.body.dedup_key,
        call.body.routing_key,
      ]),
    ).toEqual([
      ['trigger', 'fleet-test-deployment-churn-3', SECRETS.errorKey],
      ['resolve', 'fleet-test-deployment-churn-3', SECRETS.errorKey],
    ]);
  });
});
