import {
  DEPLOYMENT_FAILURE_SEVERITY,
  DeploymentFailureCode,
  type DeploymentFailureCodeValue,
  deploymentFailureSeverity,
  fleetEventSchema,
  formatZodIssues,
  RecordKind,
  SkipReason,
} from '../../src/index.js';
import { loadFixture } from '../loadFixture.js';

// biome-ignore lint/suspicious/noExplicitAny: tests break fixtures field by field
type Json = Record<string, any>;

const issuesOf = (result: { success: boolean; error?: Parameters<typeof formatZodIssues>[0] }) =>
  result.success ? '' : formatZodIssues(result.error!);

describe('Deployment Failed', () => {
  const codes = DeploymentFailureCode.options;

  it('maps every failure code to a severity, superseded to info and rollback failures to critical', () => {
    // Act
    const mapped = Object.fromEntries(codes.map((code) => [code, deploymentFailureSeverity(code)]));

    // Assess
    expect(mapped).toEqual({
      rolled_back: 'error',
      update_rollback_failed: 'critical',
      failed: 'error',
      validation: 'warning',
      superseded: 'info',
      timeout: 'error',
    });
    expect(Object.keys(DEPLOYMENT_FAILURE_SEVERITY).sort()).toEqual([...codes].sort());
  });

  it.each(codes)('accepts failure code %s with its derived severity', (code) => {
    // Prepare
    const event = loadFixture<Json>('fleet/deployment-failed.json');
    event.detail.failure.code = code;
    event.detail.severity = deploymentFailureSeverity(code as DeploymentFailureCodeValue);

    // Act
    const result = fleetEventSchema('Deployment Failed').safeParse(event);

    // Assess
    expect(issuesOf(result)).toBe('');
    expect(result.data?.detail.severity).toBe(DEPLOYMENT_FAILURE_SEVERITY[code]);
  });

  it('rejects a failure code outside the closed set, naming the field', () => {
    // Prepare
    const event = loadFixture<Json>('fleet/deployment-failed.json');
    event.detail.failure.code = 'AutoRollback';

    // Act
    const result = fleetEventSchema('Deployment Failed').safeParse(event);

    // Assess
    expect(issuesOf(result)).toContain('detail.failure.code:');
  });

  it('rejects a superseded deployment that claims to page, naming the severity', () => {
    // Prepare
    const event = loadFixture<Json>('fleet/deployment-failed.json');
    event.detail.failure.code = 'superseded';
    event.detail.severity = 'critical';

    // Act
    const result = fleetEventSchema('Deployment Failed').safeParse(event);

    // Assess
    expect(issuesOf(result)).toContain('detail.severity: must be deploymentFailureSeverity(failure.code)');
  });

  it.each([
    ['missing', undefined],
    ['not a severity', 'fatal'],
  ])('rejects a severity that is %s', (_what, severity) => {
    // Prepare
    const event = loadFixture<Json>('fleet/deployment-failed.json');
    if (severity === undefined) delete event.detail.severity;
    else event.detail.severity = severity;

    // Act
    const result = fleetEventSchema('Deployment Failed').safeParse(event);

    // Assess
    expect(issuesOf(result)).toContain('detail.severity:');
  });
});

describe('Drift Detected and Drift Cleared', () => {
  it('keeps the top features with their statistics', () => {
    // Prepare
    const event = loadFixture<Json>('fleet/drift-detected.json');

    // Act
    const parsed = fleetEventSchema('Drift Detected').parse(event);

    // Assess
    expect(parsed.detail.reportJsonKey).toBe('reports/churn/2024-05-01T10-00-00Z.json');
    expect(parsed.detail.topFeatures[0]).toEqual({
      name: 'tenure_months',
      test: 'ks',
      statistic: 0.184,
      threshold: 0.05,
      pValue: 0.0004,
    });
  });

  it('accepts a distance test without a p-value', () => {
    // Prepare
    const event = loadFixture<Json>('fleet/drift-detected.json');
    event.detail.topFeatures = [{ name: 'contract', test: 'jensen-shannon', statistic: 0.31, threshold: 0.1 }];

    // Act
    const result = fleetEventSchema('Drift Detected').safeParse(event);

    // Assess
    expect(issuesOf(result)).toBe('');
  });

  it('rejects a top feature carrying raw values, naming the field', () => {
    // Prepare
    const event = loadFixture<Json>('fleet/drift-detected.json');
    event.detail.topFeatures[0].values = [12, 40, 71];

    // Act
    const result = fleetEventSchema('Drift Detected').safeParse(event);

    // Assess
    expect(issuesOf(result)).toContain('detail.topFeatures.0: Unrecognized key: "values"');
  });

  it.each(['reportJsonKey', 'topFeatures', 'severity'])('rejects a Drift Detected without %s', (field) => {
    // Prepare
    const event = loadFixture<Json>('fleet/drift-detected.json');
    delete event.detail[field];

    // Act
    const result = fleetEventSchema('Drift Detected').safeParse(event);

    // Assess
    expect(issuesOf(result)).toContain(`detail.${field}:`);
  });

  it('rejects more than ten top features', () => {
    // Prepare
    const event = loadFixture<Json>('fleet/drift-detected.json');
    event.detail.topFeatures = Array.from({ length: 11 }, (_, i) => ({
      name: `f${i}`,
      test: 'psi',
      statistic: 0.3,
      threshold: 0.2,
    }));

    // Act
    const result = fleetEventSchema('Drift Detected').safeParse(event);

    // Assess
    expect(issuesOf(result)).toContain('detail.topFeatures:');
  });

  it('carries the previous severity on Drift Cleared and no severity of its own', () => {
    // Prepare
    const event = loadFixture<Json>('fleet/drift-cleared.json');

    // Act
    const parsed = fleetEventSchema('Drift Cleared').parse(event);

    // Assess
    expect(parsed.detail.previousSeverity).toBe('warning');
    expect(parsed.detail).not.toHaveProperty('severity');
  });

  it('rejects a Drift Cleared without previousSeverity, naming the field', () => {
    // Prepare
    const event = loadFixture<Json>('fleet/drift-cleared.json');
    delete event.detail.previousSeverity;

    // Act
    const result = fleetEventSchema('Drift Cleared').safeParse(event);

    // Assess
    expect(issuesOf(result)).toContain('detail.previousSeverity:');
  });

  it('rejects a drift severity that drift never has', () => {
    // Prepare
    const event = loadFixture<Json>('fleet/drift-cleared.json');
    event.detail.previousSeverity = 'info';

    // Act
    const result = fleetEventSchema('Drift Cleared').safeParse(event);

    // Assess
    expect(issuesOf(result)).toContain('detail.previousSeverity:');
  });
});

describe('Approval Decided', () => {
  it('keeps when and why a decision was taken', () => {
    // Prepare
    const event = loadFixture<Json>('fleet/approval-decided.json');

    // Act
    const parsed = fleetEventSchema('Approval Decided').parse(event);

    // Assess
    expect(parsed.detail.decidedAt).toBe('2024-05-01T10:15:00Z');
    expect(parsed.detail.reason).toMatch(/^Approved by @ana/);
  });

  it('accepts a quality-gate rejection without an expiry', () => {
    // Prepare
    const event = loadFixture<Json>('fleet/approval-decided.json');
    Object.assign(event.detail, {
      expiresAt: null,
      decision: 'rejected',
      decidedBy: 'fleet:quality-gate',
      reason: 'auc 0.801 is below the minimum 0.82',
    });

    // Act
    const result = fleetEventSchema('Approval Decided').safeParse(event);

    // Assess
    expect(issuesOf(result)).toBe('');
    expect(result.data?.detail.expiresAt).toBeNull();
  });

  it('accepts a superseded decision', () => {
    // Prepare
    const event = loadFixture<Json>('fleet/approval-decided.json');
    event.detail.decision = 'superseded';

    // Act
    const result = fleetEventSchema('Approval Decided').safeParse(event);

    // Assess
    expect(issuesOf(result)).toBe('');
  });

  it.each([
    ['decidedAt', undefined, 'detail.decidedAt:'],
    ['decidedAt', 'yesterday', 'detail.decidedAt:'],
    ['reason', undefined, 'detail.reason:'],
    ['reason', '', 'detail.reason:'],
    ['reason', 'x'.repeat(1025), 'detail.reason:'],
    ['decision', 'withdrawn', 'detail.decision:'],
  ])('rejects %s = %j, naming the field', (field, value, expected) => {
    // Prepare
    const event = loadFixture<Json>('fleet/approval-decided.json');
    if (value === undefined) delete event.detail[field];
    else event.detail[field] = value;

    // Act
    const result = fleetEventSchema('Approval Decided').safeParse(event);

    // Assess
    expect(issuesOf(result)).toContain(expected);
  });

  it('still requires an expiry on Approval Requested', () => {
    // Prepare
    const event = loadFixture<Json>('fleet/approval-requested.json');
    event.detail.expiresAt = null;

    // Act
    const result = fleetEventSchema('Approval Requested').safeParse(event);

    // Assess
    expect(issuesOf(result)).toContain('detail.expiresAt:');
  });
});

describe('Retraining Skipped and records', () => {
  it.each(['below-retrain-severity', 'model-busy'])('accepts the skip reason %s', (skipReason) => {
    // Prepare
    const event = loadFixture<Json>('fleet/retraining-skipped.json');
    event.detail.skipReason = skipReason;

    // Act
    const result = fleetEventSchema('Retraining Skipped').safeParse(event);

    // Assess
    expect(issuesOf(result)).toBe('');
    expect(SkipReason.options).toContain(skipReason);
  });

  it('has a deployment record kind', () => {
    // Assess
    expect(RecordKind.deployment).toBe('deployment');
  });
});
