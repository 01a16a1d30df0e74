import { compare } from '../../../src/app/compare.js';
import { fakePorts, packageArn, testConfig } from '../../support/fakes.js';
import { executionInput } from '../../support/scenario.js';

const config = testConfig();
const evaluation = (rocAuc: number) => ({ metrics: { roc_auc: { value: rocAuc }, accuracy: { value: 0.8 } } });

const withPackages = (
  packages: {
    version: number;
    status: 'Approved' | 'Rejected' | 'PendingManualApproval';
    rocAuc?: number;
    created: string;
  }[],
) => {
  const fake = fakePorts();
  for (const p of packages) {
    const uri = `s3://fleet-data/evaluation/${p.version}.json`;
    fake.registry.add({
      modelPackageArn: packageArn('churn', p.version),
      modelPackageGroup: 'churn',
      version: p.version,
      status: p.status,
      metricsUri: p.rocAuc === undefined ? undefined : uri,
      creationTime: new Date(p.created),
    });
    if (p.rocAuc !== undefined) fake.evaluations.documents.set(uri, evaluation(p.rocAuc));
  }
  return fake;
};

describe('compare', () => {
  it('takes the newest approved package as champion when nothing is deployed', async () => {
    // Prepare
    const { ports } = withPackages([
      { version: 1, status: 'Approved', rocAuc: 0.9, created: '2026-01-01T00:00:00Z' },
      { version: 2, status: 'Approved', rocAuc: 0.82, created: '2026-02-01T00:00:00Z' },
      { version: 3, status: 'PendingManualApproval', rocAuc: 0.84, created: '2026-03-01T00:00:00Z' },
    ]);

    // Act
    const comparison = await compare(executionInput(3), config, ports);

    // Assess
    expect(comparison).toMatchObject({
      metric: 'roc_auc',
      challenger: 0.84,
      metrics: { roc_auc: 0.84, accuracy: 0.8 },
      champion: { modelPackageArn: packageArn('churn', 2), source: 'registry', value: 0.82 },
      championMetrics: { roc_auc: 0.82, accuracy: 0.8 },
      gate: { passed: true },
      expiresAt: '2026-03-03T12:00:00.000Z',
    });
  });

  it('takes the package serving on the endpoint before any approved one', async () => {
    // Prepare
    const { ports, records, registry } = withPackages([
      { version: 1, status: 'Approved', rocAuc: 0.87, created: '2026-01-01T00:00:00Z' },
      { version: 2, status: 'Approved', rocAuc: 0.8, created: '2026-02-01T00:00:00Z' },
      { version: 3, status: 'PendingManualApproval', rocAuc: 0.84, created: '2026-03-01T00:00:00Z' },
    ]);
    await records.put({
      pk: 'MODEL#churn',
      sk: '2026-02-10T00:00:00.000Z#deployment#d-1',
      kind: 'deployment',
      id: 'd-1',
      at: '2026-02-10T00:00:00.000Z',
      correlationId: 'c',
      decision: 'deployed',
      modelPackageArn: packageArn('churn', 1),
    });

    // Act
    const comparison = await compare(executionInput(3), config, ports);

    // Assess
    expect(comparison.champion).toEqual({ modelPackageArn: packageArn('churn', 1), source: 'deployment', value: 0.87 });
    expect(comparison.gate).toEqual({
      passed: false,
      reason: 'roc_auc 0.84 vs champion 0.87: a drop of 0.03, more than the allowed 0.02',
    });
    expect(registry.listed).toEqual([]);
  });

  it('compares with the minimum only when the group has no champion', async () => {
    // Prepare
    const { ports } = withPackages([
      { version: 1, status: 'PendingManualApproval', rocAuc: 0.65, created: '2026-03-01T00:00:00Z' },
    ]);

    // Act
    const comparison = await compare(executionInput(1), config, ports);

    // Assess
    expect(comparison.champion).toBeNull();
    expect(comparison.championMetrics).toBeNull();
    expect(comparison.gate).toEqual({ passed: false, reason: 'roc_auc 0.65 is below the minimum 0.7 (no champion)' });
  });

  it('falls back to the minimum, with a warning, when the champion has no metrics', async () => {
    // Prepare
    const { ports, logger } = withPackages([
      { version: 1, status: 'Approved', created: '2026-01-01T00:00:00Z' },
      { version: 2, status: 'PendingManualApproval', rocAuc: 0.75, created: '2026-03-01T00:00:00Z' },
    ]);

    // Act
    const comparison = await compare(executionInput(2), config, ports);

    // Assess
    expect(comparison.champion).toBeNull();
    expect(comparison.gate.passed).toBe(true);
    expect(logger.lines.map((l) => l.level)).toEqual(['warn']);
  });

  it('throws MissingModelMetricsError for a challenger without metrics', async () => {
    // Prepare
    const { ports } = withPackages([{ version: 1, status: 'PendingManualApproval', created: '2026-03-01T00:00:00Z' }]);

    // Assess
    await expect(compare(executionInput(1), config, ports)).rejects.toMatchObject({ name: 'MissingModelMetricsError' });
  });
});
