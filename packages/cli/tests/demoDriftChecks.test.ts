import { type DemoDrift, driftChecks } from '../src/demo/demoDrift.js';

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
});

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
});
