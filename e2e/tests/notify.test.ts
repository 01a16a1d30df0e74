import path from 'node:path';
import { type FleetCloud, startFleetCloud } from '@fleet/cli/local';
import { eventKey, type FleetDetailType, fleetEvents } from '@fleet/shared';

// notify on the local cloud: fleet events from the bus to the fleet's Slack workspace and
// PagerDuty account, with the bot token and routing keys read from the local Parameter Store,
// digests closed by Scheduler.
const pkg = 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/3';

const driftBody = {
  model: 'churn',
  pipeline: 'churn-retrain',
  window: { start: '2025-06-01T09:00:00Z', end: '2025-06-02T09:00:00Z' },
  reportKey: 'reports/churn/2025-06-02T09-00-00Z.html',
};

/** A fleet event as its producer publishes it, its eventKey derived from `idempotencyKey`. */
const fleetEvent = <T extends FleetDetailType>(
  detailType: T,
  body: Record<string, unknown>,
  idempotencyKey: string,
) => ({
  source: fleetEvents[detailType].source,
  'detail-type': detailType,
  detail: { correlationId: `corr-${idempotencyKey}`, eventKey: eventKey(detailType, idempotencyKey), ...body },
});

describe('notify on the local cloud', () => {
  let fleet: FleetCloud;

  beforeEach(async () => {
    fleet = await startFleetCloud({ serviceDirs: [path.resolve(__dirname, '../../services/notify')] });
    // Report links point at the stack's own HTTP API, whose local URL is known once it listens.
    const reportsBaseUrl = fleet.cloud.httpApiUrl('fleet-notify');
    for (const fn of fleet.cloud.functions)
      if (fn.service === 'fleet-notify') fn.environment.REPORTS_BASE_URL = reportsBaseUrl;
  });

  afterEach(async () => {
    await fleet?.stop();
  });

  it('posts one message and opens one incident for critical drift published three times, and resolves it when drift clears', async () => {
    // Prepare
    const { cloud } = fleet;
    const detected = fleetEvent(
      'Drift Detected',
      {
        ...driftBody,
        status: 'drift',
        driftedFeatures: ['tenure_months'],
        driftShare: 0.25,
        severity: 'critical',
        reportJsonKey: 'reports/churn/2025-06-02T09-00-00Z.json',
        topFeatures: [{ name: 'tenure_months', test: 'ks', statistic: 0.184, threshold: 0.05, pValue: 0.0004 }],
      },
      'churn/2025-06-02',
    );
    const cleared = fleetEvent(
      'Drift Cleared',
      { ...driftBody, status: 'no_drift', driftedFeatures: [], driftShare: 0, previousSeverity: 'critical' },
      'churn/2025-06-03',
    );

    // Act
    for (const _ of [1, 2, 3]) await cloud.inject(detected, fleet.resources.eventBus);
    await cloud.inject(cleared, fleet.resources.eventBus);
    await cloud.tick('1m');

    // Assess
    const messages = fleet.slack.messages('C0FLEETML').map((message) => message.text ?? '');
    expect(messages.filter((text) => text.startsWith('Drift critical: churn'))).toHaveLength(1);
    expect(fleet.pagerDuty.incidents({ dedupKey: 'fleet-local-drift-churn' })).toEqual([
      expect.objectContaining({ routingKey: fleet.secrets['/fleet/pagerduty/churn-critical'], status: 'resolved' }),
    ]);
    expect(fleet.pagerDuty.events().map((event) => (event.body as { event_action: string }).event_action)).toEqual([
      'trigger',
      'resolve',
    ]);
    expect(cloud.deadLetters()).toEqual([]);
  });

  it('posts a burst of 30 rejected datasets as one digest when the channel window closes', async () => {
    // Prepare
    const { cloud } = fleet;
    const rejected = (n: number) =>
      fleetEvent(
        'Dataset Rejected',
        {
          dataset: 'churn',
          bucket: 'fleet-local-data',
          key: `raw/churn/2025-06-02/part-${n}.csv`,
          etag: `${n}`.padStart(32, '0'),
          contract: 'churn',
          contractHash: 'b'.repeat(64),
          rows: 100,
          issueCounts: { missing_value: 1 },
          recordKey: `DATASET#churn|v${n}`,
          issues: [],
        },
        `part-${n}`,
      );

    // Act
    for (let n = 0; n < 30; n++) await cloud.inject(rejected(n), fleet.resources.eventBus);
    const beforeWindow = fleet.slack.messages('C0FLEETML').length;
    await cloud.tick('1m');

    // Assess
    expect(beforeWindow).toBe(0);
    const messages = fleet.slack.messages('C0FLEETML');
    expect(messages).toHaveLength(1);
    expect(messages[0].text).toMatch(/^30 notifications: 30 × Dataset Rejected/);
    expect(cloud.deadLetters()).toEqual([]);
  });

  it('posts the approval request with its buttons and updates it in place when decided', async () => {
    // Prepare
    const { cloud } = fleet;
    const approval = {
      approvalId: 'appr-e2e',
      model: 'churn',
      modelPackageArn: pkg,
      metrics: { roc_auc: 0.88 },
      championMetrics: { roc_auc: 0.86 },
      expiresAt: '2025-06-03T09:00:00Z',
    };

    // Act
    await cloud.inject(fleetEvent('Approval Requested', approval, 'appr-e2e/1'), fleet.resources.eventBus);
    const [request] = fleet.slack.messages('C0FLEETML');
    await cloud.inject(
      fleetEvent(
        'Approval Decided',
        {
          ...approval,
          decision: 'approved',
          decidedBy: 'U0FLEETAPPROVER',
          decidedAt: '2025-06-02T10:00:00Z',
          reason: 'looks good',
        },
        'appr-e2e/decided',
      ),
      fleet.resources.eventBus,
    );

    // Assess
    expect(JSON.stringify(request.blocks)).toContain('"action_id":"approve"');
    const [updated, reply] = fleet.slack.messages('C0FLEETML');
    expect(updated.ts).toBe(request.ts);
    expect(JSON.stringify(updated.blocks)).not.toContain('"action_id":"approve"');
    expect(reply).toMatchObject({ thread_ts: request.ts });
    expect(cloud.deadLetters()).toEqual([]);
  });

  it('links the drift report through the signed route, which redirects to the report and refuses a tampered or expired link', async () => {
    // Prepare
    const { cloud } = fleet;
    await cloud.land(driftBody.reportKey, '<html>drift report of churn</html>', {
      bucket: fleet.resources.dataBucket,
      contentType: 'text/html',
    });
    const detected = fleetEvent(
      'Drift Detected',
      {
        ...driftBody,
        status: 'drift',
        driftedFeatures: ['tenure_months'],
        driftShare: 0.25,
        severity: 'warning',
        reportJsonKey: 'reports/churn/2025-06-02T09-00-00Z.json',
        topFeatures: [{ name: 'tenure_months', test: 'ks', statistic: 0.184, threshold: 0.05, pValue: 0.0004 }],
      },
      'churn/2025-06-02-report',
    );
    await cloud.inject(detected, fleet.resources.eventBus);
    await cloud.tick('1m');
    const [message] = fleet.slack.messages('C0FLEETML');
    const posted = JSON.stringify(message);

    // Act
    const link = /"url":"([^"]+)"/.exec(posted)?.[1] ?? '';
    const opened = await fetch(link, { redirect: 'manual' });
    const report = await fetch(opened.headers.get('location') ?? '');
    const tampered = await fetch(link.replace('2025-06-02T09-00-00Z.html', '2025-06-01T09-00-00Z.html'), {
      redirect: 'manual',
    });
    await cloud.tick('31d');
    const expired = await fetch(link, { redirect: 'manual' });

    // Assess
    expect(link.startsWith(`${cloud.httpApiUrl('fleet-notify')}/reports/churn/`)).toBe(true);
    expect(opened.status).toBe(302);
    expect(await report.text()).toBe('<html>drift report of churn</html>');
    expect(tampered.status).toBe(403);
    expect(expired.status).toBe(403);
  });
});
