import { randomUUID } from 'node:crypto';
import { eventTime, type LocalEvent } from '../eventbridge/LocalEvent.js';
import { encodeS3EventKey } from './encodeS3EventKey.js';

/** The part of a classic S3 notification record (as s3rver emits it) the conversion reads. */
export type S3NotificationRecord = {
  eventName: string;
  eventTime?: string;
  requestParameters?: { sourceIPAddress?: string };
  responseElements?: { 'x-amz-request-id'?: string };
  s3: {
    bucket: { name: string };
    object: { key: string; size?: number; eTag?: string; versionId?: string; sequencer?: string };
  };
};

/** Where and when the converted event happens. */
export type ObjectCreatedEventContext = {
  region: string;
  accountId: string;
  /** The event's time (default: now). */
  time?: Date;
  /** The event id (default: a new UUID). */
  id?: string;
  /** The object's version id, when the bucket is versioned and it is known. */
  versionId?: string;
  /** The object's ETag when the record lacks one (s3rver leaves it out of copies), without quotes. */
  etag?: string;
  /** The sequencer to use instead of the record's (hex; S3 orders events of one key by it). */
  sequencer?: string;
};

/** The `reason` S3 gives for each way of creating an object, by classic event name. */
const REASONS: Record<string, string> = {
  'ObjectCreated:Put': 'PutObject',
  'ObjectCreated:Post': 'POST Object',
  'ObjectCreated:Copy': 'CopyObject',
  'ObjectCreated:CompleteMultipartUpload': 'CompleteMultipartUpload',
};

/** True for the classic records S3 would deliver to EventBridge as `Object Created`. */
export const isObjectCreated = (record: Pick<S3NotificationRecord, 'eventName'>): boolean =>
  record.eventName.startsWith('ObjectCreated:');

/**
 * Converts a classic S3 notification record into the `Object Created` event S3 sends to
 * EventBridge for a bucket with EventBridge notifications on.
 *
 * The shape is the one AWS documents for S3 events in EventBridge: source `aws.s3`, the bucket
 * ARN as the only resource, and a detail with `version` `0`, `bucket.name`, `object.key`
 * (URL-encoded as S3 writes keys in events), `size`, `etag`, `version-id` (only for versioned
 * buckets), `sequencer`, `request-id`, `requester` (the account), `source-ip-address` and
 * `reason` (`PutObject`, `POST Object`, `CopyObject`, `CompleteMultipartUpload`).
 *
 * @example
 * objectCreatedEvent(record, { region: 'eu-west-1', accountId: '123456789012' }).detail.reason // 'PutObject'
 */
export const objectCreatedEvent = (record: S3NotificationRecord, context: ObjectCreatedEventContext): LocalEvent => {
  const { bucket, object } = record.s3;
  const etag = (object.eTag ?? context.etag)?.replace(/"/g, '');
  const versionId = object.versionId ?? context.versionId;
  const sequencer = context.sequencer ?? object.sequencer;
  return {
    version: '0',
    id: context.id ?? randomUUID(),
    'detail-type': 'Object Created',
    source: 'aws.s3',
    account: context.accountId,
    time: eventTime(context.time ?? new Date()),
    region: context.region,
    resources: [`arn:aws:s3:::${bucket.name}`],
    detail: {
      version: '0',
      bucket: { name: bucket.name },
      object: {
        key: encodeS3EventKey(object.key),
        ...(object.size === undefined ? {} : { size: object.size }),
        ...(etag === undefined ? {} : { etag }),
        ...(versionId === undefined ? {} : { 'version-id': versionId }),
        ...(sequencer === undefined ? {} : { sequencer: sequencer.padStart(18, '0') }),
      },
      'request-id':
        record.responseElements?.['x-amz-request-id'] ?? randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase(),
      requester: context.accountId,
      'source-ip-address': record.requestParameters?.sourceIPAddress ?? '127.0.0.1',
      reason: REASONS[record.eventName] ?? 'PutObject',
    },
  };
};
