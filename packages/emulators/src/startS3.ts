import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';

/** The S3 notification record s3rver emits for each write (classic S3 event shape). */
export type S3rverEventRecord = {
  eventName: string;
  eventTime: string;
  s3: { bucket: { name: string }; object: { key: string; size?: number; eTag?: string; sequencer?: string } };
};

type S3rverInstance = {
  run: () => Promise<AddressInfo>;
  close: () => Promise<void>;
  on: (event: 'event', listener: (event: { Records: S3rverEventRecord[] }) => void) => void;
};
const S3rver: new (options: Record<string, unknown>) => S3rverInstance = require('s3rver');

/** A running S3 (s3rver) on a loopback port, storing objects in a temporary folder. */
export type S3Emulator = {
  endpoint: string;
  client: S3Client;
  createBucket: (name: string) => Promise<void>;
  onObjectEvent: (listener: (record: S3rverEventRecord) => void) => void;
  stop: () => Promise<void>;
};

/** The client settings s3rver needs: its fixed credentials, path-style URLs, no streaming checksums. */
export const s3ClientOptions = (endpoint: string) => ({
  endpoint,
  region: process.env.AWS_REGION ?? 'eu-west-1',
  forcePathStyle: true,
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  requestChecksumCalculation: 'WHEN_REQUIRED' as const,
  responseChecksumValidation: 'WHEN_REQUIRED' as const,
});

/**
 * Starts s3rver on a free loopback port with its files in a new temporary folder.
 *
 * The folder is removed on `stop`.
 */
export const startS3 = async (options: { port?: number } = {}): Promise<S3Emulator> => {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'fleet-s3-'));
  const server = new S3rver({ port: options.port ?? 0, address: '127.0.0.1', silent: true, directory });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  const client = new S3Client(s3ClientOptions(endpoint));
  return {
    endpoint,
    client,
    createBucket: async (name) => {
      await client.send(new CreateBucketCommand({ Bucket: name }));
    },
    onObjectEvent: (listener) => server.on('event', (event) => event.Records.forEach(listener)),
    stop: async () => {
      client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
};
