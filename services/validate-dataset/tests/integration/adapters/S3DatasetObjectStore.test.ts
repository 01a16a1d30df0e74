import 'aws-sdk-client-mock-jest';
import {
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { type S3Emulator, startS3 } from '@fleet/emulators';
import { s3ClientConfig } from '@fleet/shared';
import { mockClient } from 'aws-sdk-client-mock';
import { S3DatasetObjectStore } from '../../../src/adapters/S3DatasetObjectStore.js';
import { ObjectUnavailableError } from '../../../src/app/ObjectUnavailableError.js';

const BUCKET = 'fleet-it-objects';

const collect = async (source: AsyncIterable<Uint8Array>) => {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source) chunks.push(chunk);
  return { chunks, text: Buffer.concat(chunks).toString('utf8') };
};

describe('S3DatasetObjectStore against s3rver', () => {
  let s3: S3Emulator;
  let store: S3DatasetObjectStore;

  beforeAll(async () => {
    s3 = await startS3();
    await s3.createBucket(BUCKET);
    // The client the adapter gets in Lambda, configured only through the environment.
    const client = new S3Client({
      ...s3ClientConfig({
        AWS_S3_FORCE_PATH_STYLE: 'true',
        AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required',
        AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
      }),
      endpoint: s3.endpoint,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    store = new S3DatasetObjectStore(client);
  });

  afterAll(async () => {
    await s3.stop();
  });

  it('describes an object by its etag without quotes', async () => {
    // Prepare
    const put = await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'raw/a b+c.csv', Body: 'x\n1\n' }));

    // Act
    const version = await store.describe({ bucket: BUCKET, key: 'raw/a b+c.csv' });

    // Assess
    expect(version).toEqual({ bucket: BUCKET, key: 'raw/a b+c.csv', etag: String(put.ETag).replace(/"/g, '') });
  });

  it('describes a missing object as undefined', async () => {
    // Prepare
    const location = { bucket: BUCKET, key: 'raw/missing.csv' };

    // Act
    const version = await store.describe(location);

    // Assess
    expect(version).toBeUndefined();
  });

  it('streams an object in several chunks without changing a byte', async () => {
    // Prepare
    const content = `id,note\n${Array.from({ length: 50_000 }, (_, i) => `${i},naïve “quoted” ä`).join('\n')}\n`;
    const put = await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'raw/big.csv', Body: content }));

    // Act
    const source = await store.open({ bucket: BUCKET, key: 'raw/big.csv', etag: String(put.ETag).replace(/"/g, '') });
    const { chunks, text } = await collect(source);

    // Assess
    expect(chunks.length).toBeGreaterThan(1);
    expect(text).toBe(content);
  });

  it('throws ObjectUnavailableError (gone) for an object deleted since its event', async () => {
    // Prepare
    const version = { bucket: BUCKET, key: 'raw/deleted.csv', etag: 'abc' };

    // Act
    const opening = store.open(version);

    // Assess
    await expect(opening).rejects.toThrow(ObjectUnavailableError);
    await expect(opening).rejects.toMatchObject({ reason: 'gone' });
  });

  it('writes a JSON document with its content type', async () => {
    // Prepare
    const document = { dataset: 'churn', rows: 3, profile: { columns: { a: { count: 3 } } } };

    // Act
    await store.putJson(BUCKET, 'profiles/churn/raw/a.csv.abc.json', document);

    // Assess
    const head = await s3.client.send(
      new HeadObjectCommand({ Bucket: BUCKET, Key: 'profiles/churn/raw/a.csv.abc.json' }),
    );
    const body = await s3.client.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: 'profiles/churn/raw/a.csv.abc.json' }),
    );
    expect(head.ContentType).toBe('application/json');
    expect(JSON.parse(await (body.Body as { transformToString: () => Promise<string> }).transformToString())).toEqual(
      document,
    );
  });
});

// s3rver ignores If-Match and version ids, so S3's answers to them are played by a mocked client.
describe('S3DatasetObjectStore with the answers only S3 gives', () => {
  const client = new S3Client({ region: 'eu-west-1' });
  const s3 = mockClient(client);
  const store = new S3DatasetObjectStore(client);
  const s3Error = (name: string, status: number) =>
    new S3ServiceException({ name, $fault: 'client', $metadata: { httpStatusCode: status }, message: name });

  beforeEach(() => {
    s3.reset();
  });

  afterAll(() => {
    s3.restore();
  });

  it('reads the version id when the event has one, else the etag with If-Match', async () => {
    // Prepare
    s3.on(GetObjectCommand).resolves({ Body: (async function* () {})() as never });

    // Act
    await store.open({ bucket: 'b', key: 'raw/a.csv', versionId: 'v1', etag: 'e1' });
    await store.open({ bucket: 'b', key: 'raw/a.csv', etag: 'e2' });

    // Assess
    expect(s3).toHaveReceivedNthCommandWith(1, GetObjectCommand, { Bucket: 'b', Key: 'raw/a.csv', VersionId: 'v1' });
    expect(s3.commandCalls(GetObjectCommand)[0].args[0].input).not.toHaveProperty('IfMatch');
    expect(s3).toHaveReceivedNthCommandWith(2, GetObjectCommand, { Bucket: 'b', Key: 'raw/a.csv', IfMatch: '"e2"' });
  });

  it('throws ObjectUnavailableError (changed) when S3 answers 412 to If-Match', async () => {
    // Prepare
    s3.on(GetObjectCommand).rejects(s3Error('PreconditionFailed', 412));

    // Act
    const opening = store.open({ bucket: 'b', key: 'raw/a.csv', etag: 'e1' });

    // Assess
    await expect(opening).rejects.toMatchObject({ name: 'ObjectUnavailableError', reason: 'changed' });
  });

  it('throws ObjectUnavailableError (gone) when a version no longer exists', async () => {
    // Prepare
    s3.on(GetObjectCommand).rejects(s3Error('NoSuchVersion', 404));

    // Act
    const opening = store.open({ bucket: 'b', key: 'raw/a.csv', versionId: 'v0' });

    // Assess
    await expect(opening).rejects.toMatchObject({
      reason: 'gone',
      message: 's3://b/raw/a.csv (version v0) no longer exists',
    });
  });

  it('rethrows an access error unchanged, so Lambda retries it', async () => {
    // Prepare
    s3.on(GetObjectCommand).rejects(s3Error('AccessDenied', 403));

    // Act
    const opening = store.open({ bucket: 'b', key: 'raw/a.csv', etag: 'e1' });

    // Assess
    await expect(opening).rejects.toMatchObject({ name: 'AccessDenied' });
  });
});
