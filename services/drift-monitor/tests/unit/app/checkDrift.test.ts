import { checkDrift } from '../../../src/app/checkDrift.js';
import { churnSettings, memoryPorts } from '../../support/fakes.js';
import { bucket, packageArn, seedCapture, seedLineage, tick } from '../../support/scenario.js';

const request = (scheduledTime = tick, attempt = 'req-1') => ({
  scheduledTime,
  correlationId: `corr-${scheduledTime.toISOString()}`,
  attempt,
  leaseMs: 60_000,
});
const day = 86_400_000;
const nextTick = (n: number) => new Date(tick.getTime() + n * day);
const nextStart = (n: number) => new Date(Date.parse('2026-03-01T00:00:00.000Z') + n * day);

describe('checkDrift', () => {
  it('finds no drift in traffic like the training data, announces nothing and writes the report', async () => {
    // Prepare
    const world = memoryPorts();
    await seedLineage(world);
    seedCapture(world, 'churn_baseline', 4000, 4300);

    // Act
    const outcome = await checkDrift(churnSettings(), request(), world.ports);

    // Assess
    expect(outcome).toMatchObject({ status: 'no_drift', announced: 'none', rows: 300 });
    expect(world.events.published).toEqual([]);
    const [drift] = (await world.records.history('MODEL#churn')).filter((r) => r.kind === 'drift');
    expect(drift).toMatchObject({
      status: 'no_drift',
      window: { start: '2026-03-01T00:00:00.000Z', end: '2026-03-02T00:00:00.000Z' },
      baseline: { kind: 'training', source: `s3://${bucket}/raw/churn/train.csv`, modelPackageArn: packageArn },
      rows: { baseline: 800, current: 300, predictions: 300 },
    });
    expect(world.objects.reads).not.toContain('raw/churn/rejected.csv');
    expect(world.objects.body(bucket, 'reports/drift/churn/2026-03-02T00-00-00-000Z/report.html')).toMatch(
      /<!doctype html>/,
    );
    const report = JSON.parse(
      world.objects.body(bucket, 'reports/drift/churn/2026-03-02T00-00-00-000Z/report.json') ?? '{}',
    );
    expect(report.sample).toMatchObject({ predictions: 300, sampled: 300, outOfWindow: 0 });
    expect(report.result.regime).toBe('hypothesis-tests');
  });

  it('announces a warning for the first drifted window and a critical alert when drift persists', async () => {
    // Prepare
    const world = memoryPorts();
    await seedLineage(world);
    seedCapture(world, 'churn_drifted', 0, 300, nextStart(0));
    seedCapture(world, 'churn_drifted', 300, 600, nextStart(1));

    // Act
    const first = await checkDrift(churnSettings(), request(nextTick(0)), world.ports);
    const second = await checkDrift(churnSettings(), request(nextTick(1)), world.ports);

    // Assess
    expect([first, second]).toMatchObject([
      { status: 'drift', severity: 'warning', announced: 'detected' },
      { status: 'drift', severity: 'critical', announced: 'detected' },
    ]);
    const detected = world.events.published.map((e) => e.detail);
    expect(detected.map((d) => d.severity)).toEqual(['warning', 'critical']);
    expect(detected[0]).toMatchObject({
      model: 'churn',
      pipeline: 'churn-retrain',
      status: 'drift',
      reportKey: 'reports/drift/churn/2026-03-02T00-00-00-000Z/report.html',
      reportJsonKey: 'reports/drift/churn/2026-03-02T00-00-00-000Z/report.json',
    });
    expect((detected[0].topFeatures as { name: string }[]).map((f) => f.name)).toContain('tenure_months');
    expect(JSON.stringify(detected[0].topFeatures)).not.toMatch(/Month-to-month|Mailed check/);
  });

  it('announces Drift Cleared once after a drifted window and nothing on a repeated clear', async () => {
    // Prepare
    const world = memoryPorts();
    await seedLineage(world);
    seedCapture(world, 'churn_drifted', 0, 300, nextStart(0));
    seedCapture(world, 'churn_baseline', 4000, 4300, nextStart(1));
    seedCapture(world, 'churn_baseline', 4300, 4600, nextStart(2));

    // Act
    for (const n of [0, 1, 2]) await checkDrift(churnSettings(), request(nextTick(n)), world.ports);

    // Assess
    expect(world.events.published.map((e) => [e.detailType, e.detail.severity ?? e.detail.previousSeverity])).toEqual([
      ['Drift Detected', 'warning'],
      ['Drift Cleared', 'warning'],
    ]);
  });

  it('records insufficient_data without an event and keeps the streak across it', async () => {
    // Prepare
    const world = memoryPorts();
    await seedLineage(world);
    seedCapture(world, 'churn_drifted', 0, 300, nextStart(0));
    seedCapture(world, 'churn_drifted', 300, 320, nextStart(1));
    seedCapture(world, 'churn_drifted', 400, 700, nextStart(2));

    // Act
    const outcomes = [];
    for (const n of [0, 1, 2]) outcomes.push(await checkDrift(churnSettings(), request(nextTick(n)), world.ports));

    // Assess
    expect(outcomes.map((o) => ('severity' in o ? [o.status, o.severity] : [o.status]))).toEqual([
      ['drift', 'warning'],
      ['insufficient_data'],
      ['drift', 'critical'],
    ]);
    expect(world.events.published.map((e) => e.detail.severity)).toEqual(['warning', 'critical']);
    expect(world.metrics.filter((m) => m.name === 'DriftInsufficientData').map((m) => m.value)).toEqual([1]);
  });

  it('gives one verdict per window when the tick is delivered again', async () => {
    // Prepare
    const world = memoryPorts();
    await seedLineage(world);
    seedCapture(world, 'churn_drifted', 0, 300);
    await checkDrift(churnSettings(), request(tick, 'req-1'), world.ports);

    // Act
    const again = await checkDrift(churnSettings(), request(tick, 'req-2'), world.ports);

    // Assess
    expect(again).toMatchObject({ status: 'duplicate' });
    expect(world.events.published).toHaveLength(1);
    expect((await world.records.history('MODEL#churn')).filter((r) => r.kind === 'drift')).toHaveLength(1);
  });

  it.each([
    ['deployment record', async () => undefined],
    [
      'execution pointer',
      async (world: ReturnType<typeof memoryPorts>) =>
        world.records.delete(
          'EXECUTION#arn:aws:sagemaker:eu-west-1:123456789012:pipeline/churn-retrain/execution/abc123',
          'pointer',
        ),
    ],
    [
      'MetadataProperties.GeneratedBy',
      async (world: ReturnType<typeof memoryPorts>) => world.registry.packages.set(packageArn, { arn: packageArn }),
    ],
  ])('records baseline_unresolved naming the missing %s and announces nothing', async (missingLink, breakIt) => {
    // Prepare
    const world = memoryPorts();
    if (missingLink !== 'deployment record') await seedLineage(world);
    await breakIt(world);
    seedCapture(world, 'churn_drifted', 0, 300);

    // Act
    const outcome = await checkDrift(churnSettings(), request(), world.ports);

    // Assess
    expect(outcome).toMatchObject({ status: 'baseline_unresolved', missingLink });
    const [drift] = (await world.records.history('MODEL#churn')).filter((r) => r.kind === 'drift');
    expect(drift).toMatchObject({ status: 'baseline_unresolved', missingLink });
    expect(world.events.published).toEqual([]);
  });

  it('uses an explicit s3:// baseline instead of the lineage', async () => {
    // Prepare
    const world = memoryPorts();
    world.objects.set(
      bucket,
      'baselines/churn.csv',
      (await import('../../support/captureFiles.js')).exampleCsv('churn_baseline', 0, 800),
    );
    seedCapture(world, 'churn_baseline', 4000, 4300);

    // Act
    const outcome = await checkDrift(
      churnSettings({ baseline: `s3://${bucket}/baselines/churn.csv` }),
      request(),
      world.ports,
    );

    // Assess
    expect(outcome).toMatchObject({ status: 'no_drift' });
    const [drift] = (await world.records.history('MODEL#churn')).filter((r) => r.kind === 'drift');
    expect(drift.baseline).toEqual({ kind: 'explicit', source: `s3://${bucket}/baselines/churn.csv` });
  });

  it('draws the same seeded sample of maxRows on a re-run, and says so in the report', async () => {
    // Prepare
    const first = memoryPorts();
    const second = memoryPorts();
    for (const world of [first, second]) {
      await seedLineage(world);
      seedCapture(world, 'churn_baseline', 4000, 5000);
    }

    // Act
    await checkDrift(churnSettings({ maxRows: 200 }), request(), first.ports);
    await checkDrift(churnSettings({ maxRows: 200 }), request(), second.ports);

    // Assess
    const key = 'reports/drift/churn/2026-03-02T00-00-00-000Z/report.json';
    const [a, b] = [first, second].map((w) => JSON.parse(w.objects.body(bucket, key) ?? '{}'));
    expect(a.sample).toMatchObject({ predictions: 1000, sampled: 200, maxRows: 200 });
    expect(a.result.features).toEqual(b.result.features);
  });

  it('emits Model Monitor metrics and writes its constraint_violations.json', async () => {
    // Prepare
    const world = memoryPorts();
    await seedLineage(world);
    seedCapture(world, 'churn_drifted', 0, 300);

    // Act
    await checkDrift(churnSettings(), request(), world.ports);

    // Assess
    const [emf] = world.emf as { _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][] }[] } }[];
    expect(emf._aws.CloudWatchMetrics[0]).toMatchObject({
      Namespace: 'aws/sagemaker/Endpoints/data-metrics',
      Dimensions: [['Endpoint', 'MonitoringSchedule']],
    });
    expect(emf).toMatchObject({
      Endpoint: 'churn',
      MonitoringSchedule: 'fleet-drift-churn',
      correlationId: request().correlationId,
    });
    expect(typeof (emf as Record<string, unknown>).feature_baseline_drift_tenure_months).toBe('number');
    const violations = JSON.parse(
      world.objects.body(bucket, 'reports/drift/churn/2026-03-02T00-00-00-000Z/constraint_violations.json') ?? '{}',
    );
    expect(violations.violations).toContainEqual(
      expect.objectContaining({ feature_name: 'tenure_months', constraint_check_type: 'baseline_drift_check' }),
    );
  });
});
