import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../src/handlers/objectCreated.js';
import { handler as validateHandler } from '../../src/handlers/validate.js';
import { churnBaseline } from '../support/fixtures.js';
import { lambdaContext } from '../support/lambdaContext.js';
import { BUCKET, BUS, type LocalCloud, objectCreatedEvent, startLocalCloud } from '../support/localCloud.js';

// Real handlers, real S3 and DynamoDB clients over HTTP to s3rver and dynalite; only EventBridge is mocked.
const eventBridge = mockClient(EventBridgeClient);
let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startLocalCloud();
});

afterAll(async () => {
  await cloud.stop();
  eventBridge.restore();
});

beforeEach(() => {
  eventBridge.reset();
  eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e-1' }] });
});

/** The events sent to the bus, parsed. */
const sentEvents = () =>
  eventBridge.commandCalls(PutEventsCommand).flatMap((call) =>
    (call.args[0].input.Entries ?? []).map((entry) => ({
      bus: entry.EventBusName,
      source: entry.Source,
      detailType: entry.DetailType,
      detail: JSON.parse(entry.Detail ?? '{}'),
    })),
  );

const validationsOf = async (dataset: string) =>
  (await cloud.records.history(`DATASET#${dataset}`)).filter((record) => record.kind === 'validation');

const readJson = async (key: string) => {
  const output = await cloud.s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return JSON.parse(await (output.Body as { transformToString: () => Promise<string> }).transformToString());
};

const profileKeys = async () =>
  ((await cloud.s3.client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'profiles/' }))).Contents ?? []).map(
    (object) => object.Key,
  );

/** The baseline with a negative tenure on line 5 and an unknown contract type on line 10. */
const brokenChurn = () => {
  const lines = churnBaseline().split('\n');
  const tenure = lines[4].split(',');
  tenure[1] = '-3';
  lines[4] = tenure.join(',');
  const contract = lines[9].split(',');
  contract[4] = 'Weekly';
  lines[9] = contract.join(',');
  return lines.join('\n');
};

describe('validate-dataset against s3rver and dynalite', () => {
  it('validates a valid upload: one record, one profile object and Dataset Validated', async () => {
    // Prepare
    const validKey = 'raw/churn/2024-05-01/customers.csv';
    const etag = await cloud.upload(validKey, churnBaseline());

    // Act
    const outcome = await handler(objectCreatedEvent(validKey, etag, 'evt-valid'), lambdaContext());

    // Assess
    expect(outcome).toMatchObject({ status: 'validated', rows: 8000 });
    const records = await validationsOf('churn');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      verdict: 'validated',
      bucket: BUCKET,
      key: validKey,
      etag,
      contract: 'contracts/churn.yaml',
      rows: 8000,
      issueCounts: {},
      correlationId: 'evt-valid',
      profileKey: `profiles/churn/${validKey}.${etag}.json`,
    });
    expect(await profileKeys()).toContain(`profiles/churn/${validKey}.${etag}.json`);
    const profile = await readJson(`profiles/churn/${validKey}.${etag}.json`);
    expect(profile).toMatchObject({ dataset: 'churn', rows: 8000, profile: { rows: 8000 } });
    expect(Object.keys(profile.profile.columns)).toHaveLength(9);
    expect(sentEvents()).toEqual([
      {
        bus: BUS,
        source: 'fleet.validate-dataset',
        detailType: 'Dataset Validated',
        detail: expect.objectContaining({
          correlationId: 'evt-valid',
          dataset: 'churn',
          key: validKey,
          etag,
          rows: 8000,
          recordKey: `${records[0].pk}|${records[0].sk}`,
          profileKey: `profiles/churn/${validKey}.${etag}.json`,
        }),
      },
    ]);
  });

  it('writes no second record and emits nothing when the same event is delivered again', async () => {
    // Prepare
    const key = 'raw/churn/2024-05-04/customers.csv';
    const event = objectCreatedEvent(key, await cloud.upload(key, churnBaseline()), 'evt-twice');
    await handler(event, lambdaContext());
    const before = await cloud.records.history('DATASET#churn');
    const profilesBefore = await profileKeys();
    eventBridge.resetHistory();

    // Act
    const outcome = await handler(structuredClone(event), lambdaContext());

    // Assess
    expect(outcome).toMatchObject({ status: 'duplicate', verdict: 'validated' });
    expect(await cloud.records.history('DATASET#churn')).toEqual(before);
    expect((await validationsOf('churn')).filter((r) => r.key === key)).toHaveLength(1);
    expect(await profileKeys()).toEqual(profilesBefore);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
  });

  it('rejects a broken upload with Dataset Rejected carrying the issue codes', async () => {
    // Prepare
    const key = 'raw/churn/2024-05-02/customers.csv';
    const etag = await cloud.upload(key, brokenChurn());

    // Act
    const outcome = await handler(objectCreatedEvent(key, etag, 'evt-broken'), lambdaContext());

    // Assess
    expect(outcome).toMatchObject({ status: 'rejected' });
    const [sent] = sentEvents();
    expect(sentEvents()).toHaveLength(1);
    expect(sent.detailType).toBe('Dataset Rejected');
    expect(sent.detail.issueCounts).toEqual({ below_min: 1, not_in_values: 1 });
    expect(sent.detail.issues).toEqual([
      expect.objectContaining({ code: 'below_min', line: 5, row: 4, column: 'tenure_months' }),
      expect.objectContaining({ code: 'not_in_values', line: 10, row: 9, column: 'contract' }),
    ]);
    const record = (await validationsOf('churn')).find((r) => r.key === key);
    expect(record).toMatchObject({ verdict: 'rejected', issueCounts: { below_min: 1, not_in_values: 1 } });
    expect((await profileKeys()).some((k) => k?.includes('2024-05-02'))).toBe(false);
  });

  it('decodes a key with a space, "+", ":" and "ä" that arrives URL-encoded', async () => {
    // Prepare
    const key = 'raw/churn/q1 data+v2:ä.csv';
    const etag = await cloud.upload(key, churnBaseline());
    const event = objectCreatedEvent(key, etag, 'evt-encoded');

    // Act
    const outcome = await handler(event, lambdaContext());

    // Assess
    expect(event.detail.object.key).toBe('raw/churn/q1+data%2Bv2%3A%C3%A4.csv');
    expect(outcome).toMatchObject({ status: 'validated', key });
    expect(sentEvents()[0].detail).toMatchObject({ key, profileKey: `profiles/churn/${key}.${etag}.json` });
    expect(await readJson(`profiles/churn/${key}.${etag}.json`)).toMatchObject({ key, rows: 8000 });
  });

  it('acknowledges a profile written under profiles/ without validating it', async () => {
    // Prepare
    const key = 'raw/churn/2024-05-05/customers.csv';
    const etag = await cloud.upload(key, churnBaseline());
    await handler(objectCreatedEvent(key, etag, 'evt-source'), lambdaContext());
    const profile = `profiles/churn/${key}.${etag}.json`;
    const before = await cloud.records.history('DATASET#churn');
    eventBridge.resetHistory();

    // Act
    const outcome = await handler(objectCreatedEvent(profile, 'e', 'evt-profile'), lambdaContext());

    // Assess
    expect(await profileKeys()).toContain(profile);
    expect(outcome).toMatchObject({ status: 'skipped', reason: 'profile' });
    expect(await cloud.records.history('DATASET#churn')).toEqual(before);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
  });

  it('validates on a direct invocation and returns the summary', async () => {
    // Prepare
    const key = 'raw/churn/2024-05-03/customers.csv';
    await cloud.upload(key, churnBaseline());

    // Act
    const outcome = await validateHandler({ key, correlationId: 'backfill-1' }, lambdaContext());

    // Assess
    expect(outcome).toMatchObject({
      status: 'validated',
      bucket: BUCKET,
      key,
      rows: 8000,
      correlationId: 'backfill-1',
    });
    expect(sentEvents()).toEqual([expect.objectContaining({ detailType: 'Dataset Validated' })]);
    expect((await validationsOf('churn')).filter((r) => r.key === key)).toHaveLength(1);
  });
});
