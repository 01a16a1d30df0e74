import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type FleetDetailType, fleetEvents, parseFleetConfig } from '@fleet/shared';
import { DEFAULT_ROUTES } from '../../../src/domain/routing/defaultRoutes.js';
import { routedDetailTypes, routeEvent } from '../../../src/domain/routing/routeEvent.js';
import { sampleDetail } from '../../support/sampleEvents.js';

const repoConfig = parseFleetConfig(readFileSync(path.resolve(__dirname, '../../../../../fleet.config.yaml'), 'utf8'), {
  file: 'fleet.config.yaml',
  stage: 'prod',
});

const configOf = (yaml: string) => parseFleetConfig(yaml, { file: 'fleet.test.yaml', stage: 'test' });

const base = `
version: 1
pipelines: { churn-retrain: {}, fraud-retrain: {} }
datasets: { churn: { contract: c.yaml }, fraud: { contract: f.yaml } }
`;

describe('routeEvent', () => {
  it('has a routing decision for every event of the catalog', () => {
    // Prepare
    const catalog = Object.keys(fleetEvents).sort();

    // Act
    const routed = Object.keys(DEFAULT_ROUTES).sort();

    // Assess
    expect(routed).toEqual(catalog);
    for (const detailType of catalog as FleetDetailType[]) {
      expect(() => routeEvent(repoConfig, detailType, sampleDetail(detailType))).not.toThrow();
    }
  });

  it.each([
    ['Dataset Validated', {}, 'info', [], []],
    ['Dataset Rejected', {}, 'warning', ['C0FLEETML'], []],
    ['Retraining Started', {}, 'info', [], []],
    ['Retraining Skipped', {}, 'info', [], []],
    ['Retraining Succeeded', {}, 'info', [], []],
    ['Retraining Failed', {}, 'error', ['C0FLEETML'], ['trigger /fleet/pagerduty/churn-error']],
    ['Approval Requested', {}, 'info', ['C0FLEETML'], []],
    ['Approval Decided', {}, 'info', ['C0FLEETML'], []],
    ['Model Deployed', {}, 'info', ['C0FLEETML'], ['resolve']],
    [
      'Deployment Failed',
      { failure: { code: 'update_rollback_failed', message: 'x' }, severity: 'critical' },
      'critical',
      ['C0FLEETML'],
      ['trigger /fleet/pagerduty/churn-critical'],
    ],
    ['Deployment Failed', {}, 'error', ['C0FLEETML'], ['trigger /fleet/pagerduty/churn-error']],
    [
      'Deployment Failed',
      { failure: { code: 'superseded', message: 'x' }, severity: 'info' },
      'info',
      ['C0FLEETML'],
      [],
    ],
    ['Drift Detected', { severity: 'warning' }, 'warning', ['C0FLEETML'], []],
    ['Drift Detected', {}, 'critical', ['C0FLEETML'], ['trigger /fleet/pagerduty/churn-critical']],
    ['Drift Cleared', {}, 'info', ['C0FLEETML'], ['resolve']],
  ] as const)('routes %s %j as the default table says', (detailType, overrides, severity, slack, pagerduty) => {
    // Act
    const decision = routeEvent(repoConfig, detailType, sampleDetail(detailType, overrides));

    // Assess
    expect(decision.severity).toBe(severity);
    expect(decision.slack.map((target) => target.channel)).toEqual(slack);
    expect(
      decision.pagerduty.map((target) => (target.action === 'trigger' ? `trigger ${target.parameterName}` : 'resolve')),
    ).toEqual(pagerduty);
  });

  it('uses the fleet-wide channel and keys for a model without its own, and the model rule before the fleet rule', () => {
    // Prepare
    const config = configOf(`${base}
routing:
  slackChannel: C0FLEET
  pagerduty: { warning: /p/fleet-warning, error: /p/fleet-error }
  rules:
    - { event: Dataset Rejected, pagerduty: true, minSeverity: warning }
    - { event: Retraining Skipped, slack: true }
models:
  churn: { pipeline: churn-retrain, datasets: [churn] }
  fraud:
    pipeline: fraud-retrain
    datasets: [fraud]
    routing:
      slackChannel: C0FRAUD
      rules: [{ event: Dataset Rejected, slack: false, pagerduty: false }]
`);

    // Act
    const churn = routeEvent(config, 'Dataset Rejected', sampleDetail('Dataset Rejected'));
    const fraud = routeEvent(config, 'Dataset Rejected', sampleDetail('Dataset Rejected', { dataset: 'fraud' }));
    const skipped = routeEvent(
      config,
      'Retraining Skipped',
      sampleDetail('Retraining Skipped', { pipeline: 'fraud-retrain' }),
    );

    // Assess
    expect(churn.slack.map((t) => t.channel)).toEqual(['C0FLEET']);
    expect(churn.pagerduty).toEqual([
      { action: 'trigger', severity: 'warning', parameterName: '/p/fleet-warning', model: 'churn' },
    ]);
    expect(fraud).toEqual({ severity: 'warning', slack: [], pagerduty: [] });
    expect(skipped.slack.map((t) => t.channel)).toEqual(['C0FRAUD']);
  });

  it('drops events below a rule minSeverity but always resolves an incident', () => {
    // Prepare
    const config = configOf(`${base}
models:
  churn:
    pipeline: churn-retrain
    routing:
      slackChannel: C0CHURN
      pagerduty: { critical: /p/critical }
      rules:
        - { event: Drift Detected, minSeverity: critical }
        - { event: Drift Cleared, minSeverity: critical }
`);

    // Act
    const warning = routeEvent(config, 'Drift Detected', sampleDetail('Drift Detected', { severity: 'warning' }));
    const cleared = routeEvent(config, 'Drift Cleared', sampleDetail('Drift Cleared'));

    // Assess
    expect(warning.slack).toEqual([]);
    expect(cleared.slack).toEqual([]);
    expect(cleared.pagerduty).toEqual([{ action: 'resolve', model: 'churn' }]);
  });

  it('gathers digests for the window the model or the fleet sets, 30 seconds by default', () => {
    // Prepare
    const config = configOf(`${base}
routing: { slackChannel: C0FLEET, slackDigestSeconds: 120 }
models:
  churn: { pipeline: churn-retrain, datasets: [churn], routing: { slackChannel: C0CHURN, slackDigestSeconds: 10 } }
  fraud: { pipeline: fraud-retrain, datasets: [fraud] }
`);

    // Act
    const churn = routeEvent(config, 'Dataset Rejected', sampleDetail('Dataset Rejected'));
    const fraud = routeEvent(config, 'Dataset Rejected', sampleDetail('Dataset Rejected', { dataset: 'fraud' }));
    const byDefault = routeEvent(repoConfig, 'Dataset Rejected', sampleDetail('Dataset Rejected'));

    // Assess
    expect([churn, fraud, byDefault].map((d) => d.slack[0].digestSeconds)).toEqual([10, 120, 30]);
  });

  it('never pages a severity without a routing-key parameter', () => {
    // Prepare
    const config = configOf(`${base}
models: { churn: { pipeline: churn-retrain, routing: { slackChannel: C0CHURN, pagerduty: { critical: /p/critical } } } }
`);

    // Act
    const decision = routeEvent(config, 'Retraining Failed', sampleDetail('Retraining Failed'));

    // Assess
    expect(decision.pagerduty).toEqual([]);
    expect(decision.slack.map((t) => t.channel)).toEqual(['C0CHURN']);
  });

  it('lists the detail-types each destination may receive, rules included', () => {
    // Prepare
    const config = configOf(`${base}
routing: { rules: [{ event: Retraining Skipped, slack: true }, { event: Dataset Rejected, pagerduty: true }] }
models: { churn: { pipeline: churn-retrain } }
`);

    // Act
    const slack = routedDetailTypes(config, 'slack');
    const pagerduty = routedDetailTypes(config, 'pagerduty');

    // Assess
    expect(slack).toContain('Retraining Skipped');
    expect(slack).not.toContain('Retraining Started');
    expect(pagerduty).toEqual([
      'Dataset Rejected',
      'Retraining Failed',
      'Drift Detected',
      'Drift Cleared',
      'Model Deployed',
      'Deployment Failed',
    ]);
  });
});
