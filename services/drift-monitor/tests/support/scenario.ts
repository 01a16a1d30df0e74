import type { FleetRecord } from '@fleet/shared';
import { churnCaptureFiles, exampleCsv, exampleRows } from './captureFiles.js';
import type { memoryPorts } from './fakes.js';

type Ports = ReturnType<typeof memoryPorts>;

export const bucket = 'fleet-test-data';
export const executionArn = 'arn:aws:sagemaker:eu-west-1:123456789012:pipeline/churn-retrain/execution/abc123';
export const packageArn = 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/3';
export const captureBase = 'capture/churn/AllTraffic';
/** The window a tick at 2026-03-02T00:10Z judges with a 24 h window and 10 minutes of grace. */
export const windowStart = new Date('2026-03-01T00:00:00.000Z');
export const tick = new Date('2026-03-02T00:10:00.000Z');

const record = (fields: Omit<FleetRecord, 'correlationId'> & { correlationId?: string }): FleetRecord =>
  ({ correlationId: 'corr-train', ...fields }) as FleetRecord;

/**
 * Writes the lineage of a serving churn model: the training CSV (`baselineRows` rows of the
 * example) and a rejected file under the same prefix, the trigger decision that covered only
 * the validated one, its execution pointer, the registered package and the deployment record.
 */
export const seedLineage = async (ports: Ports, options: { baselineRows?: number } = {}): Promise<void> => {
  const rows = options.baselineRows ?? 800;
  ports.objects.set(bucket, 'raw/churn/train.csv', exampleCsv('churn_baseline', 0, rows));
  ports.objects.set(bucket, 'raw/churn/rejected.csv', exampleCsv('churn_drifted', 0, 50));
  ports.objects.set(
    bucket,
    'evaluation/churn/3.json',
    JSON.stringify({ metrics: { roc_auc: { value: 0.95 }, accuracy: { value: 0.9 } } }),
  );
  await ports.records.put(
    record({
      pk: 'PIPELINE#churn-retrain',
      sk: '2026-02-01T08:00:00.000Z#trigger#dec-1',
      kind: 'trigger',
      id: 'dec-1',
      at: '2026-02-01T08:00:00.000Z',
      decision: 'started',
      executionArn,
      input: {
        parameters: { InputDataUri: `s3://${bucket}/raw/churn/` },
        declaredDefaults: {},
        effectiveParameters: { InputDataUri: `s3://${bucket}/raw/churn/` },
        objects: [{ bucket, key: 'raw/churn/train.csv', etag: 'e1' }],
      },
    }),
  );
  await ports.records.put(
    record({
      pk: `EXECUTION#${executionArn}`,
      sk: 'pointer',
      kind: 'trigger',
      id: executionArn,
      at: '2026-02-01T08:00:00.000Z',
      pipeline: 'churn-retrain',
      decisionId: 'dec-1',
      decisionAt: '2026-02-01T08:00:00.000Z',
    }),
  );
  ports.registry.packages.set(packageArn, {
    arn: packageArn,
    generatedBy: executionArn,
    evaluationUri: `s3://${bucket}/evaluation/churn/3.json`,
  });
  await ports.records.put(
    record({
      pk: 'MODEL#churn',
      sk: '2026-02-02T09:00:00.000Z#deployment#dep-1',
      kind: 'deployment',
      id: 'dep-1',
      at: '2026-02-02T09:00:00.000Z',
      decision: 'deployed',
      modelPackageArn: packageArn,
      endpointName: 'churn',
    }),
  );
};

/** Writes capture files of an example's rows over the 24 hours from `start`. */
export const seedCapture = (
  ports: Ports,
  dataset: 'churn_baseline' | 'churn_drifted',
  from: number,
  to: number,
  start: Date = windowStart,
): void => {
  const rows = exampleRows(dataset).rows.slice(from, to);
  const files = churnCaptureFiles(rows, {
    base: captureBase,
    start,
    hours: 24,
    idPrefix: `${dataset}-${start.toISOString()}`,
  });
  for (const [key, body] of files) ports.objects.set(bucket, key, body);
};
