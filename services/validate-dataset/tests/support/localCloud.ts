import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { type DynamoDbEmulator, type S3Emulator, startDynamoDb, startS3 } from '@fleet/emulators';
import { RecordsRepository, recordsTableDefinition, resetDependencies, resetFleetConfig } from '@fleet/shared';
import { repoRoot } from './repoRoot.js';

export const BUCKET = 'fleet-it-data';
export const TABLE = 'fleet-it-records';
export const BUS = 'fleet-it';

/** dynalite and s3rver on loopback ports, with the records table and the data bucket created. */
export type LocalCloud = {
  dynamo: DynamoDbEmulator;
  s3: S3Emulator;
  records: RecordsRepository;
  /** Uploads an object and returns its etag without quotes, as an S3 event carries it. */
  upload: (key: string, body: string | Uint8Array) => Promise<string>;
  stop: () => Promise<void>;
};

const VARIABLES = [
  'AWS_ENDPOINT_URL_S3',
  'AWS_ENDPOINT_URL_DYNAMODB',
  'AWS_S3_FORCE_PATH_STYLE',
  'AWS_REQUEST_CHECKSUM_CALCULATION',
  'AWS_RESPONSE_CHECKSUM_VALIDATION',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'RECORDS_TABLE_NAME',
  'EVENT_BUS_NAME',
  'DATA_BUCKET',
  'FLEET_CONFIG_FILE',
  'FLEET_STAGE',
] as const;

/**
 * Starts the emulators and points the real handler modules at them through the environment, as
 * the local cloud does: endpoints by `AWS_ENDPOINT_URL_<SERVICE>`, s3rver's client settings by
 * variable, and its fixed credentials (dynalite accepts any). `stop` restores the environment.
 */
export const startLocalCloud = async (): Promise<LocalCloud> => {
  const [dynamo, s3] = await Promise.all([startDynamoDb(), startS3()]);
  await Promise.all([dynamo.createTable(recordsTableDefinition(TABLE)), s3.createBucket(BUCKET)]);
  const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_S3_FORCE_PATH_STYLE: 'true',
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    RECORDS_TABLE_NAME: TABLE,
    EVENT_BUS_NAME: BUS,
    DATA_BUCKET: BUCKET,
    FLEET_CONFIG_FILE: path.join(repoRoot, 'fleet.config.yaml'),
    FLEET_STAGE: 'dev',
  });
  resetFleetConfig();
  resetDependencies();
  return {
    dynamo,
    s3,
    records: new RecordsRepository({ client: dynamo.documentClient, tableName: TABLE }),
    upload: async (key, body) => {
      const output = await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
      return String(output.ETag).replace(/"/g, '');
    },
    stop: async () => {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      resetFleetConfig();
      resetDependencies();
      await Promise.all([dynamo.stop(), s3.stop()]);
    },
  };
};

/**
 * An S3 `Object Created` event for a key, from the fixture, with the key URL-encoded the way S3
 * encodes keys in events (spaces as `+`).
 */
export const objectCreatedEvent = (key: string, etag: string, id: string) => {
  const event = JSON.parse(readFileSync(path.join(__dirname, '..', 'events', 'object-created.json'), 'utf8'));
  event.id = id;
  event.detail.bucket.name = BUCKET;
  event.detail.object.key = encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+');
  event.detail.object.etag = etag;
  return event;
};
