import type { ColumnDrift } from '@fleet/drift';
import { constraintViolations } from '../../../src/domain/constraintViolations.js';
import { modelMonitorEmf, modelMonitorMetricName } from '../../../src/domain/modelMonitorEmf.js';

const feature = (overrides: Partial<ColumnDrift>): ColumnDrift => ({
  name: 'tenure_months',
  kind: 'numeric',
  kindSource: 'contract',
  test: 'ks',
  statistic: 0.3,
  pValue: 0.0001,
  adjustedPValue: 0.0004,
  threshold: 0.05,
  psi: 0.4,
  drifted: true,
  critical: false,
  nBaseline: 800,
  nCurrent: 300,
  missingBaseline: 0,
  missingCurrent: 0,
  ...overrides,
});

describe('Model Monitor compatibility', () => {
  it('names each feature feature_baseline_drift_<feature> under the namespace with Endpoint and MonitoringSchedule', () => {
    // Act
    const doc = modelMonitorEmf({
      namespace: 'aws/sagemaker/Endpoints/data-metrics',
      endpoint: 'churn',
      monitoringSchedule: 'fleet-drift-churn',
      at: new Date('2026-03-02T00:00:00Z'),
      distances: { tenure_months: 0.31, contract: 0.2, empty: Number.NaN },
    });

    // Assess
    expect(modelMonitorMetricName('contract')).toBe('feature_baseline_drift_contract');
    expect(doc).toEqual({
      _aws: {
        Timestamp: Date.parse('2026-03-02T00:00:00Z'),
        CloudWatchMetrics: [
          {
            Namespace: 'aws/sagemaker/Endpoints/data-metrics',
            Dimensions: [['Endpoint', 'MonitoringSchedule']],
            Metrics: [
              { Name: 'feature_baseline_drift_tenure_months', Unit: 'None' },
              { Name: 'feature_baseline_drift_contract', Unit: 'None' },
            ],
          },
        ],
      },
      Endpoint: 'churn',
      MonitoringSchedule: 'fleet-drift-churn',
      feature_baseline_drift_tenure_months: 0.31,
      feature_baseline_drift_contract: 0.2,
    });
  });

  it('writes each check of constraint_violations.json in Model Monitor format', () => {
    // Act
    const { violations } = constraintViolations(
      [
        feature({}),
        feature({ name: 'monthly_charges', drifted: false, missingCurrent: 100, nCurrent: 200 }),
        feature({ name: 'contract', kind: 'categorical', test: 'chi-squared', drifted: false }),
      ],
      { tenure_months: 0.31 },
      {
        rowsWithMissingColumns: 2,
        rowsWithExtraColumns: 1,
        rowsRead: 300,
        inputColumns: 8,
        nonNumeric: { monthly_charges: 100 },
        unknownCategoryShare: { contract: 0.05 },
      },
    );

    // Assess
    expect(violations.map((v) => [v.feature_name, v.constraint_check_type])).toEqual([
      ['', 'missing_column_check'],
      ['', 'extra_column_check'],
      ['tenure_months', 'baseline_drift_check'],
      ['monthly_charges', 'data_type_check'],
      ['monthly_charges', 'completeness_check'],
      ['contract', 'categorical_values_check'],
    ]);
    expect(violations[2].description).toMatch(/^Baseline drift distance: 0\.31/);
    for (const v of violations)
      expect(Object.keys(v).sort()).toEqual(['constraint_check_type', 'description', 'feature_name']);
  });
});
