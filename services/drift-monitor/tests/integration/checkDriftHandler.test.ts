import { PutObjectCommand } from '@aws-sdk/client-s3';
import { type DynamoDbEmulator, type S3Emulator, startDynamoDb, startS3 } from '@fleet/emulators';
import { RecordsRepository, recordsTableDefinition } from '@fleet/shared';
import type { Context } from 'aws-lambda';
import { RecordsDriftStore } from '../../src/adapters/RecordsDriftStore.js';
import { S3ObjectStore } from '../../src/adapters/S3ObjectStore.js';
import type { DriftPorts } from '../../src/app/ports.js';
import { createCheckDriftHandler } from '../../src/handlers/checkDrift.js';
import { captureKey, captureLine, exampleRows } from '../support/captureFiles.js';
import { churnSettings, memoryPorts } from '../support/fakes.js';
import { bucket, captureBase, seedLineage, windowStart } from '../support/scenario.js';

// The check through its handler, over real HTTP: capture files and reports in s3rver, records
// and the window's lease in dynalite. The Model Registry and the bus are in-memory ports.

let s3: S3Emulator;
let dynamo: DynamoDbEmulator;
let tables = 0;

beforeAll(async () => {
  [s3, dynamo] = await Promise.all([startS3(), startDynamoDb()]);
  await s3.createBucket(bucket);
});

afterAll(async () => {
  await Promise.all([s3.stop(), dynamo.stop()]);
});

const context = (requestId: string) =>
  ({
    awsRequestId: requestId,
    functionName: 'checkDrift',
    getRemainingTimeInMillis: () => 60_000,
  }) as unknown as Context;

/** The in-memory world of the unit tests, with its S3 and records moved to the emulators. */
const world = async () => {
  const memory = memoryPorts();
  await seedLineage(memory);
  const tableName = `fleet-drift-test-${++tables}`;
  await dynamo.createTable(recordsTableDefinition(tableName));
  const records = new RecordsRepository({ client: dynamo.documentClient, tableName });
  for (const record of memory.records.records) await records.put(record);
  const objects = new S3ObjectStore(s3.client);
  for (const [path, body] of memory.objects.objects) {
    await s3.client.send(new PutObjectCommand({ Bucket: bucket, Key: path.slice(bucket.length + 1), Body: body }));
  }
  const ports: DriftPorts = { ...memory.ports, objects, store: new RecordsDriftStore(records) };
  return { ...memory, ports, records, objects };
};

const put = (key: string, body: string) =>
  s3.client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));

const tickEvent = {
  kind: 'drift-check',
  model: 'churn',
  rule: 'arn:aws:events:eu-west-1:123456789012:rule/drift-churn',
  scheduledTime: '2026-03-02T00:10:00Z',
  eventId: 'tick-1',
};

describe('checkDrift handler (s3rver, dynalite)', () => {
  it('reads CSV, JSON and BASE64 capture, skips records outside the window, counts malformed lines and announces drift', async () => {
    // Prepare
    const w = await world();
    const rows = exampleRows('churn_drifted').rows.slice(0, 300);
    const lines = rows.map((row, i) =>
      captureLine({
        input: i % 3 === 1 ? JSON.stringify(row.slice(0, 8)) : row.slice(0, 8).join(','),
        output: i % 3 === 1 ? JSON.stringify({ score: 0.7 }) : '0.7',
        inferenceTime: new Date(windowStart.getTime() + i * 240_000).toISOString(),
        eventId: `e-${i}`,
        encoding: i % 3 === 0 ? 'CSV' : i % 3 === 1 ? 'JSON' : 'BASE64',
      }),
    );
    lines.splice(10, 0, '{"captureData": broken');
    lines.push(
      captureLine({
        input: rows[0].slice(0, 8).join(','),
        output: '0.5',
        inferenceTime: '2026-03-02T00:05:00.000Z',
        eventId: 'late',
      }),
    );
    const key = captureKey(captureBase, windowStart, 'part-0');
    await put(key, `${lines.join('\n')}\n`);
    const handler = createCheckDriftHandler(() => ({
      ports: w.ports,
      settings: new Map([['churn', churnSettings()]]),
    }));

    // Act
    const outcome = await handler(tickEvent, context('req-1'));

    // Assess
    expect(outcome).toMatchObject({ status: 'drift', severity: 'warning', announced: 'detected', rows: 300 });
    expect(w.events.published.map((e) => e.detailType)).toEqual(['Drift Detected']);
    const report = JSON.parse(
      await w.objects.text({ bucket, key: 'reports/drift/churn/2026-03-02T00-00-00-000Z/report.json' }),
    );
    expect(report.sample).toMatchObject({
      predictions: 300,
      outOfWindow: 1,
      malformed: { count: 1, first: [{ key, line: 11, reason: 'not valid JSON' }] },
    });
    const [drift] = (await w.records.history('MODEL#churn')).filter((r) => r.kind === 'drift');
    expect(drift).toMatchObject({
      status: 'drift',
      severity: 'warning',
      correlationId: 'tick-1',
      malformed: 1,
      outOfWindow: 1,
    });
  });

  it('gives one verdict when the same tick arrives three times at once', async () => {
    // Prepare
    const w = await world();
    const rows = exampleRows('churn_drifted').rows.slice(0, 300);
    const lines = rows.map((row, i) =>
      captureLine({
        input: row.slice(0, 8).join(','),
        output: '0.6',
        inferenceTime: new Date(windowStart.getTime() + i * 60_000).toISOString(),
        eventId: `e-${i}`,
      }),
    );
    await put(captureKey(captureBase, windowStart, 'part-0'), `${lines.join('\n')}\n`);
    const handler = createCheckDriftHandler(() => ({
      ports: w.ports,
      settings: new Map([['churn', churnSettings()]]),
    }));

    // Act
    const outcomes = await Promise.all(['a', 'b', 'c'].map((id) => handler(tickEvent, context(id))));

    // Assess
    expect(outcomes.filter((o) => o.status === 'drift')).toHaveLength(1);
    expect(
      outcomes
        .map((o) => o.status)
        .filter((s) => s !== 'drift')
        .every((s) => s === 'concurrent' || s === 'duplicate'),
    ).toBe(true);
    expect(w.events.published).toHaveLength(1);
    expect(await handler(tickEvent, context('d'))).toMatchObject({ status: 'duplicate' });
  });

  it('streams an object larger than one chunk line by line', async () => {
    // Prepare
    const line = 'x'.repeat(999);
    await put('big/lines.txt', `${Array.from({ length: 3000 }, (_, i) => `${i}${line}`).join('\n')}\n`);
    const store = new S3ObjectStore(s3.client);

    // Act
    let count = 0;
    let last = '';
    for await (const batch of store.lines({ bucket, key: 'big/lines.txt' })) {
      count += batch.length;
      last = batch[batch.length - 1] ?? last;
    }

    // Assess
    expect(count).toBe(3000);
    expect(last).toBe(`2999${line}`);
  });
});
