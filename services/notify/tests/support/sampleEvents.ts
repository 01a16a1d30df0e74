import { eventKey, type FleetDetail, type FleetDetailType, fleetEvents } from '@fleet/shared';

const pkg = 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/3';
const window = { start: '2026-03-01T12:00:00Z', end: '2026-03-02T12:00:00Z' };
const dataset = {
  dataset: 'churn',
  bucket: 'fleet-test-data',
  key: 'raw/churn/2026-03-02/part-1.csv',
  etag: 'a'.repeat(32),
  contract: 'churn',
  contractHash: 'b'.repeat(64),
  rows: 1200,
  recordKey: 'DATASET#churn|2026-03-02T12:00:00.000Z#validation#v1',
};
const retraining = {
  pipeline: 'churn-retrain',
  trigger: { kind: 'dataset', id: 's3://fleet-test-data/raw/churn/' },
  reason: 'new data',
};
const approval = {
  approvalId: 'appr-1',
  model: 'churn',
  modelPackageArn: pkg,
  metrics: { roc_auc: 0.88, accuracy: 0.84 },
  championMetrics: { roc_auc: 0.86, accuracy: 0.85 },
  expiresAt: '2026-03-03T12:00:00Z',
};
const deployment = { model: 'churn', modelPackageArn: pkg, endpointName: 'churn', strategy: 'canary' };
const drift = {
  model: 'churn',
  pipeline: 'churn-retrain',
  window,
  status: 'drift',
  driftedFeatures: ['tenure_months', 'monthly_charges'],
  driftShare: 0.25,
  reportKey: 'reports/churn/2026-03-02T12-00-00Z.html',
};

/** A valid detail of every catalog event, without `correlationId` and `eventKey`. */
const BODIES: Record<FleetDetailType, Record<string, unknown>> = {
  'Dataset Validated': { ...dataset, issueCounts: {}, profileKey: 'profiles/churn/p1.json' },
  'Dataset Rejected': {
    ...dataset,
    issueCounts: { missing_value: 12, out_of_range: 3 },
    issues: [{ code: 'missing_value', message: 'tenure_months is empty', line: 4, column: 'tenure_months' }],
  },
  'Retraining Started': {
    ...retraining,
    executionArn: 'arn:aws:sagemaker:eu-west-1:123456789012:pipeline/churn-retrain/execution/e1',
    parameters: {},
  },
  'Retraining Skipped': { ...retraining, skipReason: 'cooldown' },
  'Retraining Succeeded': {
    ...retraining,
    executionArn: 'arn:aws:sagemaker:eu-west-1:123456789012:pipeline/churn-retrain/execution/e1',
  },
  'Retraining Failed': {
    ...retraining,
    executionArn: 'arn:aws:sagemaker:eu-west-1:123456789012:pipeline/churn-retrain/execution/e1',
    failure: { code: 'Failed', message: 'step Train failed: AlgorithmError' },
  },
  'Drift Detected': {
    ...drift,
    severity: 'critical',
    reportJsonKey: 'reports/churn/2026-03-02T12-00-00Z.json',
    topFeatures: [
      { name: 'tenure_months', test: 'ks', statistic: 0.184, threshold: 0.05, pValue: 0.0004 },
      { name: 'monthly_charges', test: 'ks', statistic: 0.121, threshold: 0.05, pValue: 0.0091 },
    ],
  },
  'Drift Cleared': { ...drift, status: 'no_drift', driftedFeatures: [], driftShare: 0, previousSeverity: 'critical' },
  'Approval Requested': approval,
  'Approval Decided': {
    ...approval,
    decision: 'approved',
    decidedBy: 'U0FLEETAPPROVER',
    decidedAt: '2026-03-02T13:00:00Z',
    reason: 'better roc_auc, same accuracy',
  },
  'Model Deployed': deployment,
  'Deployment Failed': {
    ...deployment,
    failure: { code: 'rolled_back', message: 'alarm churn-5xx fired during the canary' },
    severity: 'error',
  },
};

/**
 * A valid detail of a catalog event (checked against the catalog), with `overrides` merged in;
 * its `eventKey` is derived from `idempotencyKey` (the detail-type's name by default).
 *
 * @throws Error when the detail does not satisfy the catalog
 */
export const sampleDetail = <T extends FleetDetailType>(
  detailType: T,
  overrides: Record<string, unknown> = {},
  idempotencyKey: string = detailType,
): FleetDetail<T> => {
  const detail = {
    correlationId: `corr-${idempotencyKey.replace(/\W+/g, '-')}`,
    eventKey: eventKey(detailType, idempotencyKey),
    ...BODIES[detailType],
    ...overrides,
  };
  return fleetEvents[detailType].detail.parse(detail) as FleetDetail<T>;
};

/** The EventBridge event of a detail, as the fleet bus delivers it. */
export const sampleEvent = <T extends FleetDetailType>(
  detailType: T,
  detail: FleetDetail<T>,
  id = `evt-${detail.eventKey}`,
) => ({
  version: '0',
  id,
  'detail-type': detailType,
  source: fleetEvents[detailType].source,
  account: '123456789012',
  time: '2026-03-02T12:00:00Z',
  region: 'eu-west-1',
  resources: [],
  detail,
});
