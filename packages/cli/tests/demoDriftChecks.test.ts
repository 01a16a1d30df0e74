import { type DemoDrift, driftChecks } from '../src/demo/demoDrift.js';

const newPackage = 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/2';

/** A drift run as the demo reports it: critical drift paged, then cleared and resolved. */
const clearedDrift = (): DemoDrift => ({
  endpointName: 'churn',
  deployed: 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/1',
  traffic: [],
  captureFiles: 4,
  verdicts: [],
  detected: [{ severity: 'critical', reportKey: 'reports/drift/churn/w/report.html' }],
  cleared: [{ previousSeverity: 'critical', reportKey: 'reports/drift/churn/x/report.html' }],
  incidents: [
    {
      id: 'PLOCAL0001',
      status: 'resolved',
      statusAfterCritical: 'triggered',
      severity: 'critical',
      summary: '[fleet] Drift Detected churn',
      dedupKey: 'fleet-local-drift-churn',
      source: 'fleet-local',
      createdAt: '2025-06-05T09:00:00.000Z',
      resolvedAt: '2025-06-06T09:00:00.000Z',
    },
  ],
  clearedSlackMessage: [':white_check_mark: Drift cleared: churn'],
  trainingData: { key: 'raw/churn/churn_labelled_2025-06-05.csv', rows: 7000, validated: true },
  retrain: {
    decision: 'started',
    triggerKind: 'drift',
    started: 1,
    executionArn: 'arn:aws:sagemaker:eu-west-1:123456789012:pipeline/churn-retrain/execution/abc',
    modelPackageArn: newPackage,
    approvalDecision: 'approved',
    packageStatus: 'Approved',
    deployedAt: '2025-06-05T09:46:00Z',
  },
});

/** A window judged against the training data of `modelPackageArn`. */
const judged = (status: string, modelPackageArn: string, source: string) => ({
  window: { start: '2025-06-05T08:50:00.000Z', end: '2025-06-06T08:50:00.000Z' },
  status,
  driftedFeatures: [],
  baseline: { kind: 'training', source, modelPackageArn },
});

const checkNamed = (drift: DemoDrift, name: string) => driftChecks(drift).find((check) => check.name === name);

const resolvedCheck = (drift: DemoDrift) =>
  driftChecks(drift).find((check) => check.name === 'incident resolved when drift cleared');

describe('the drift checks of fleet demo', () => {
  it('passes the resolve check when the drift cleared, the incident is resolved and Slack was told', () => {
    // Act
    const check = resolvedCheck(clearedDrift());

    // Assess
    expect(check).toMatchObject({ ok: true, detail: expect.stringContaining('PLOCAL0001 resolved') });
  });

  it('fails the resolve check when the incident is still open after Drift Cleared', () => {
    // Arrange
    const drift = clearedDrift();
    drift.incidents = drift.incidents.map(({ resolvedAt: _, ...incident }) => ({ ...incident, status: 'triggered' }));

    // Act
    const check = resolvedCheck(drift);

    // Assess
    expect(check).toMatchObject({ ok: false, detail: expect.stringContaining('PLOCAL0001 triggered') });
  });

  it('fails the resolve check when the drift never cleared', () => {
    // Arrange
    const drift = { ...clearedDrift(), cleared: [] };

    // Act
    const check = resolvedCheck(drift);

    // Assess
    expect(check).toMatchObject({ ok: false, detail: expect.stringContaining('Drift Cleared: none') });
  });

  it('fails the drift retrain check when the critical drift was skipped', () => {
    // Arrange
    const drift: DemoDrift = {
      ...clearedDrift(),
      retrain: { decision: 'skipped', skipReason: 'model-busy', started: 0 },
    };

    // Act
    const check = checkNamed(drift, 'drift retrain started');

    // Assess
    expect(check).toMatchObject({ ok: false, detail: 'skipped: model-busy' });
  });

  it("passes the cleared check only when the last window was judged against the new package's training data", () => {
    // Arrange
    const uri = 's3://bucket/raw/churn/churn_labelled_2025-06-05.csv';
    const cleared: DemoDrift = { ...clearedDrift(), verdicts: [judged('no_drift', newPackage, uri)] };
    const oldBaseline: DemoDrift = {
      ...clearedDrift(),
      verdicts: [judged('no_drift', newPackage.replace(/2$/, '1'), 's3://bucket/raw/churn/churn_baseline.csv')],
    };

    // Act
    const passed = checkNamed(cleared, 'drift cleared against the new training data');
    const failed = checkNamed(oldBaseline, 'drift cleared against the new training data');

    // Assess
    expect(passed).toMatchObject({ ok: true, detail: expect.stringContaining('the training data of churn/2') });
    expect(failed).toMatchObject({ ok: false, detail: expect.stringContaining('the training data of churn/1') });
  });

  it('fails the labels check when no window had labels', () => {
    // Act
    const check = checkNamed(clearedDrift(), 'labels joined');

    // Assess
    expect(check).toMatchObject({ ok: false, detail: 'no window had labels (none were written)' });
  });
});
