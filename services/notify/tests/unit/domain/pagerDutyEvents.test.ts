import { type FleetDetailType, fleetEvents } from '@fleet/shared';
import { incidentOf, resolvedScopeOf } from '../../../src/domain/pagerduty/incidents.js';
import { PagerDutyEventSchema } from '../../../src/domain/pagerduty/PagerDutyEvent.js';
import { pagerDutyResolve, pagerDutyTrigger } from '../../../src/domain/pagerduty/pagerDutyTrigger.js';
import { severityOf } from '../../../src/domain/routing/severityOf.js';
import { sampleDetail } from '../../support/sampleEvents.js';

const routingKey = 'R'.repeat(32);

describe('PagerDuty Events v2 bodies', () => {
  it.each(Object.keys(fleetEvents) as FleetDetailType[])(
    'builds a %s trigger that satisfies the Events v2 schema',
    (detailType) => {
      // Prepare
      const detail = sampleDetail(detailType);
      const { dedupKey } = incidentOf('test', detailType, detail);

      // Act
      const body = pagerDutyTrigger({
        routingKey,
        dedupKey,
        stage: 'test',
        detailType,
        detail,
        severity: severityOf(detailType, detail),
        timestamp: '2026-03-02T12:00:00Z',
        reportUrl: 'https://api.example.com/reports/churn/r.html?expires=1&signature=s',
      });

      // Assess
      expect(PagerDutyEventSchema.safeParse(body).error?.issues ?? []).toEqual([]);
      expect(body.payload.summary).toContain(detailType);
    },
  );

  it('keeps the summary within 1,024 characters', () => {
    // Prepare
    const detail = sampleDetail('Deployment Failed', { failure: { code: 'rolled_back', message: 'x'.repeat(10_000) } });

    // Act
    const body = pagerDutyTrigger({
      routingKey,
      dedupKey: 'd',
      stage: 'test',
      detailType: 'Deployment Failed',
      detail,
      severity: 'error',
      timestamp: '2026-03-02T12:00:00Z',
    });

    // Assess
    expect(body.event_action === 'trigger' && body.payload.summary.length).toBe(1024);
    expect(PagerDutyEventSchema.safeParse(body).success).toBe(true);
  });

  it('builds a resolve that satisfies the schema, and refuses a routing key of the wrong length', () => {
    // Act
    const resolve = pagerDutyResolve(routingKey, 'fleet-test-drift-churn');
    const bad = pagerDutyResolve('short', 'fleet-test-drift-churn');

    // Assess
    expect(PagerDutyEventSchema.safeParse(resolve).success).toBe(true);
    expect(PagerDutyEventSchema.safeParse(bad).success).toBe(false);
  });

  it('keeps one dedup key per model for drift and one per package for a failed deployment', () => {
    // Prepare
    const warning = sampleDetail('Drift Detected', { severity: 'warning' }, 'window-1');
    const critical = sampleDetail('Drift Detected', {}, 'window-2');
    const v3 = sampleDetail('Deployment Failed');
    const v4 = sampleDetail('Deployment Failed', {
      modelPackageArn: 'arn:aws:sagemaker:eu-west-1:1:model-package/churn/4',
    });

    // Act
    const drift = [incidentOf('dev', 'Drift Detected', warning), incidentOf('dev', 'Drift Detected', critical)];
    const deployments = [incidentOf('dev', 'Deployment Failed', v3), incidentOf('dev', 'Deployment Failed', v4)];

    // Assess
    expect(drift.map((d) => d.dedupKey)).toEqual(['fleet-dev-drift-churn', 'fleet-dev-drift-churn']);
    expect(deployments.map((d) => d.dedupKey)).toEqual([
      'fleet-dev-deployment-churn-3',
      'fleet-dev-deployment-churn-4',
    ]);
    expect(resolvedScopeOf('Drift Cleared', sampleDetail('Drift Cleared'))).toBe(drift[0].scope);
    expect(resolvedScopeOf('Model Deployed', sampleDetail('Model Deployed'))).toBe(deployments[0].scope);
  });
});
