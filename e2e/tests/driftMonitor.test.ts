import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { type FleetCloud, startFleetCloud } from '@fleet/cli/local';
import { s3ClientOptions } from '@fleet/emulators';
import type { LocalCloud } from '@fleet/local-cloud';
import { RecordsRepository } from '@fleet/shared';
import { churnRows, eventsOf, passDebounceWindow, runPipelinesToEnd } from './support/loop.js';

// The drift monitor on the local cloud: a model trained through the loop (its package registered
// by the pipeline run), deployed (the deployment record written here, as the deployment workflow
// would), Data Capture files written under the endpoint's prefix in the documented format, and
// the monitor's daily schedule rule fired by the clock.

const repoRoot = path.join(__dirname, '..', '..');
const HOUR_MS = 3_600_000;
const detail = (event: { detail: unknown }) => event.detail as Record<string, unknown>;

/** Rows of an example dataset, `from` to `to` (0-based, `to` excluded), without the header. */
const exampleRows = (name: string, from: number, to: number): string[][] =>
  readFileSync(path.join(repoRoot, 'examples/datasets', `${name}.csv`), 'utf8')
    .trimEnd()
    .split('\n')
    .slice(1 + from, 1 + to)
    .map((line) => line.split(','));

const pad = (n: number) => String(n).padStart(2, '0');

/** Writes capture files of the rows, spread over the 24 hours from `start`, one file per hour. */
const writeCapture = async (fleet: FleetCloud, rows: string[][], start: Date, tag: string): Promise<void> => {
  const s3 = new S3Client(s3ClientOptions(fleet.endpoints.s3));
  const files = new Map<string, string[]>();
  rows.forEach((row, i) => {
    const at = new Date(start.getTime() + Math.floor((i * 24 * HOUR_MS) / rows.length));
    const key = `capture/churn/AllTraffic/${at.getUTCFullYear()}/${pad(at.getUTCMonth() + 1)}/${pad(at.getUTCDate())}/${pad(at.getUTCHours())}/${tag}.jsonl`;
    const line = JSON.stringify({
      captureData: {
        endpointInput: {
          observedContentType: 'text/csv',
          mode: 'INPUT',
          data: row.slice(0, 8).join(','),
          encoding: 'CSV',
        },
        endpointOutput: {
          observedContentType: 'text/csv; charset=utf-8',
          mode: 'OUTPUT',
          data: row[8] === '1' ? '0.8' : '0.2',
          encoding: 'CSV',
        },
      },
      eventMetadata: { eventId: `${tag}-${i}`, inferenceTime: at.toISOString() },
      eventVersion: '0',
    });
    files.set(key, [...(files.get(key) ?? []), line]);
  });
  for (const [key, lines] of files) {
    await s3.send(
      new PutObjectCommand({ Bucket: fleet.resources.dataBucket, Key: key, Body: `${lines.join('\n')}\n` }),
    );
  }
  s3.destroy();
};

/**
 * Records the model's first registered package (the one trained on the landed data) as
 * approved and deployed, newest of the model's records, as the approval and deployment
 * workflows would; the packages of the nightly scheduled runs are left waiting.
 */
const deployFirstPackage = async (fleet: FleetCloud): Promise<string> => {
  const { cloud } = fleet;
  const [registered] = cloud.sageMaker.registry.packages({ modelPackageGroupName: 'churn' });
  const records = new RecordsRepository({ client: cloud.documentClient, tableName: fleet.resources.recordsTable });
  const at = (offsetMs: number) => new Date(cloud.now().getTime() + offsetMs).toISOString();
  const common = {
    pk: 'MODEL#churn',
    correlationId: 'e2e-deploy',
    model: 'churn',
    modelPackageArn: registered.modelPackageArn,
  };
  await records.put({
    ...common,
    sk: `${at(1000)}#approval#a-1`,
    kind: 'approval',
    id: 'a-1',
    at: at(1000),
    state: 'closed',
    decision: 'approved',
    decidedAt: at(1000),
  });
  await records.put({
    ...common,
    sk: `${at(2000)}#deployment#d-1`,
    kind: 'deployment',
    id: 'd-1',
    at: at(2000),
    decision: 'deployed',
    endpointName: 'churn',
    variantName: 'AllTraffic',
    strategy: 'canary',
  });
  return registered.modelPackageArn;
};

/** Trains churn through the loop on the first 6,000 rows of the example and deploys it. */
const trainAndDeploy = async (fleet: FleetCloud): Promise<string> => {
  await fleet.cloud.land('raw/churn/train.csv', churnRows(1, 6000));
  await passDebounceWindow(fleet);
  await runPipelinesToEnd(fleet.cloud);
  return deployFirstPackage(fleet);
};

/** Moves the clock to the drift schedule's n-th tick and a minute past it, the deployment recorded again just before. */
const passTick = async (fleet: FleetCloud, start: Date, n: number): Promise<void> => {
  const tickAt = start.getTime() + n * 24 * HOUR_MS;
  await fleet.cloud.tick(tickAt - 5 * 60_000 - fleet.cloud.now().getTime());
  await deployFirstPackage(fleet);
  await fleet.cloud.tick('6m');
};

/** The window the drift schedule's n-th daily tick judges (ticks fire a day after the cloud starts, then daily). */
const windowStartOf = (cloudStart: Date, n: number): Date =>
  new Date(cloudStart.getTime() + (n - 1) * 24 * HOUR_MS - 10 * 60_000);

describe('the drift monitor on the local cloud', () => {
  let fleet: FleetCloud;
  let cloud: LocalCloud;
  let start: Date;

  beforeEach(async () => {
    fleet = await startFleetCloud();
    cloud = fleet.cloud;
    start = cloud.now();
  });

  afterEach(async () => {
    await fleet.stop();
  });

  it('announces drift on traffic like churn_drifted.csv, warning then critical, and the critical drift starts a retrain', async () => {
    // Prepare
    const packageArn = await trainAndDeploy(fleet);
    await writeCapture(fleet, exampleRows('churn_drifted', 0, 1000), windowStartOf(start, 1), 'day1');
    await writeCapture(fleet, exampleRows('churn_drifted', 1000, 2000), windowStartOf(start, 2), 'day2');

    // Act
    await passTick(fleet, start, 1);
    await passTick(fleet, start, 2);
    await runPipelinesToEnd(cloud);

    // Assess
    const detected = eventsOf(cloud, 'Drift Detected').map(detail);
    expect(detected.map((d) => d.severity)).toEqual(['warning', 'critical']);
    expect(detected[0]).toMatchObject({ model: 'churn', pipeline: 'churn-retrain', status: 'drift' });
    expect(String(detected[0].reportKey)).toMatch(/^reports\/drift\/churn\/.+\/report\.html$/);
    const skipped = eventsOf(cloud, 'Retraining Skipped').map(detail);
    expect(skipped.filter((d) => (d.trigger as { kind: string }).kind === 'drift').map((d) => d.skipReason)).toEqual([
      'below-retrain-severity',
    ]);
    // The nightly schedule of churn-retrain starts runs of its own; drift started exactly one.
    const started = eventsOf(cloud, 'Retraining Started').map(detail);
    expect(started.filter((d) => (d.trigger as { kind: string }).kind === 'drift')).toHaveLength(1);
    const drift = (await fleet.history('MODEL#churn')).filter((r) => r.kind === 'drift');
    expect(drift.map((r) => [r.status, r.severity])).toEqual([
      ['drift', 'warning'],
      ['drift', 'critical'],
    ]);
    expect(drift[0].baseline).toMatchObject({
      kind: 'training',
      source: `s3://${fleet.resources.dataBucket}/raw/churn/train.csv`,
      modelPackageArn: packageArn,
    });
    expect(cloud.deadLetters()).toEqual([]);
  });

  it('announces nothing and starts no retrain on traffic like the training data', async () => {
    // Prepare
    await trainAndDeploy(fleet);
    await writeCapture(fleet, exampleRows('churn_baseline', 6000, 7000), windowStartOf(start, 1), 'day1');
    await writeCapture(fleet, exampleRows('churn_baseline', 7000, 8000), windowStartOf(start, 2), 'day2');

    // Act
    await passTick(fleet, start, 1);
    await passTick(fleet, start, 2);

    // Assess
    expect(eventsOf(cloud, 'Drift Detected')).toEqual([]);
    expect(eventsOf(cloud, 'Drift Cleared')).toEqual([]);
    const kinds = eventsOf(cloud, 'Retraining Started').map((e) => (detail(e).trigger as { kind: string }).kind);
    expect(kinds).not.toContain('drift');
    expect(
      eventsOf(cloud, 'Retraining Skipped')
        .map(detail)
        .filter((d) => (d.trigger as { kind: string }).kind === 'drift'),
    ).toEqual([]);
    const drift = (await fleet.history('MODEL#churn')).filter((r) => r.kind === 'drift');
    expect(drift.map((r) => r.status)).toEqual(['no_drift', 'no_drift']);
    expect(cloud.deadLetters()).toEqual([]);
  });
});
