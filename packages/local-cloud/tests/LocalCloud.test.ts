import path from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { decodeS3Key, S3ObjectCreatedEvent } from '@fleet/shared';
import { LocalCloudError } from '../src/cloud/LocalCloudError.js';
import { LocalCloud } from '../src/LocalCloud.js';
import type { LocalStandIn } from '../src/standIn/LocalStandIn.js';

const rootDir = path.join(__dirname, 'fixtures', 'stacks');
const uploadsBucket = 'shop-local-uploads-123456789012';

// The plumbing alone: the core stack's resources, no service, so nothing reacts to the events.
const startBare = () => LocalCloud.start({ rootDir, serviceDirs: [] });

describe('LocalCloud plumbing', () => {
  let cloud: LocalCloud | undefined;

  afterEach(async () => {
    await cloud?.stop();
    cloud = undefined;
  });

  it('turns an upload to the data bucket into an S3 Object Created event on the default bus', async () => {
    // Prepare
    cloud = await startBare();
    const key = 'incoming/orders/red flower+:é.csv';

    // Act
    const landed = await cloud.land(key, 'a,b\n1,2\n');

    // Assess
    const [entry] = cloud.events();
    expect(entry.bus).toBe('default');
    const event = S3ObjectCreatedEvent.parse(entry.event);
    expect(event.detail).toMatchObject({
      version: '0',
      bucket: { name: uploadsBucket },
      object: { key: 'incoming/orders/red+flower%2B%3A%C3%A9.csv', size: 8, etag: landed.etag },
      requester: cloud.names.accountId,
      reason: 'PutObject',
    });
    expect(decodeS3Key(event.detail.object.key)).toBe(key);
    expect(event.resources).toEqual([`arn:aws:s3:::${uploadsBucket}`]);
    expect(event.time).toBe('2025-06-02T09:00:00Z');
  });

  it('gives events of successive uploads of one key increasing sequencers', async () => {
    // Prepare
    cloud = await startBare();

    // Act
    await cloud.land('incoming/orders/a.csv', 'x\n1\n');
    await cloud.land('incoming/orders/a.csv', 'x\n2\n');

    // Assess
    const sequencers = cloud.events().map((entry) => (entry.event.detail.object as { sequencer: string }).sequencer);
    expect(sequencers).toHaveLength(2);
    expect(sequencers[0] < sequencers[1]).toBe(true);
  });

  it('points unchanged SDK clients at the local services through AWS_ENDPOINT_URL_<SERVICE>', async () => {
    // Prepare
    cloud = await startBare();
    await cloud.land('incoming/orders/b.csv', 'x\n3\n');
    const client = new S3Client({});

    // Act
    const object = await client.send(new GetObjectCommand({ Bucket: uploadsBucket, Key: 'incoming/orders/b.csv' }));

    // Assess
    expect(await object.Body?.transformToString()).toBe('x\n3\n');
    expect(process.env.AWS_ENDPOINT_URL_SAGEMAKER).toBe(cloud.endpoints.sagemaker);
    client.destroy();
  });

  it('makes Date follow the clock while running and puts Date and the environment back on stop', async () => {
    // Prepare
    const before = process.env.AWS_ENDPOINT_URL_DYNAMODB;
    const running = await startBare();

    // Act
    await running.tick('1h');
    const during = new Date();
    await running.stop();

    // Assess
    expect(during.getTime()).toBeGreaterThanOrEqual(Date.parse('2025-06-02T10:00:00Z'));
    expect(during.getTime()).toBeLessThan(Date.parse('2025-06-02T10:01:00Z'));
    expect(Date.now()).toBeGreaterThan(Date.parse('2026-01-01T00:00:00Z'));
    expect(process.env.AWS_ENDPOINT_URL_DYNAMODB).toBe(before);
  });

  it('starts further stand-ins after the core and gives every function their environment', async () => {
    // Prepare
    const calls: string[] = [];
    const receiver: LocalStandIn = {
      name: 'slack',
      start: async (context) => {
        calls.push(`start at ${context.clock.now().toISOString()}`);
        return { environment: { SLACK_API_URL: 'http://127.0.0.1:9/slack' }, stop: () => void calls.push('stop') };
      },
    };

    // Act
    const running = await LocalCloud.start({ rootDir, standIns: [receiver] });
    const environments = running.functions.map((fn) => fn.environment.SLACK_API_URL);
    const during = process.env.SLACK_API_URL;
    await running.stop();

    // Assess
    expect(calls).toEqual(['start at 2025-06-02T09:00:00.000Z', 'stop']);
    expect(environments.length).toBeGreaterThan(0);
    expect(new Set(environments)).toEqual(new Set(['http://127.0.0.1:9/slack']));
    expect(during).toBe('http://127.0.0.1:9/slack');
    expect(process.env.SLACK_API_URL).toBeUndefined();
  });

  it('names a stand-in that does not start, and leaves nothing running', async () => {
    // Prepare
    const broken: LocalStandIn = {
      name: 'stepfunctions',
      start: async () => {
        throw new Error('definition not found');
      },
    };

    // Act
    const starting = LocalCloud.start({ rootDir, serviceDirs: [], standIns: [broken] });

    // Assess
    await expect(starting).rejects.toThrow(LocalCloudError);
    await expect(starting).rejects.toThrow('the stepfunctions stand-in did not start: definition not found');
    expect(Date.now()).toBeGreaterThan(Date.parse('2026-01-01T00:00:00Z'));
    expect(process.env.AWS_ENDPOINT_URL_S3).toBeUndefined();
  });
});
