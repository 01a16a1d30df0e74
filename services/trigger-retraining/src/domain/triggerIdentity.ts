import { createHash } from 'node:crypto';
import type { Trigger } from '@fleet/shared';

/** What identifies a trigger, per source (see docs/architecture.md, idempotency). */
export type TriggerSource =
  | { kind: 'schedule'; rule: string; scheduledTime: string }
  | { kind: 'dataset'; bucket: string; key: string; versionId?: string; etag?: string }
  | { kind: 'drift'; recordKey: string }
  | { kind: 'manual'; requestId: string }
  | { kind: 'debounce'; prefix: string; lastLanding: string };

/** The longest trigger id the event catalog carries. */
export const maxTriggerIdLength = 1024;

const normalizeEtag = (etag: string): string => etag.replace(/^W\//, '').replace(/^"|"$/g, '');

/**
 * The identity of a trigger: two deliveries with the same identity are the same trigger.
 *
 * A schedule is its rule and scheduled time; a drift, its drift record's key; a manual start,
 * the id its caller supplies. A dataset is its object: bucket, key and the ETag when known,
 * else the version id. The ETag comes first because it follows the content: an identical
 * re-upload to a versioned bucket gets a new version id but the same ETag, and must start
 * nothing new, while changed content is a new dataset. A debounced run is its prefix and the
 * last landing it covers, so a redelivered debounce fire starts nothing new. Ids longer than
 * the catalog allows are replaced by their SHA-256.
 *
 * @throws Error when a dataset has neither ETag nor version id
 */
export const triggerIdentity = (source: TriggerSource): Trigger => {
  let trigger: Trigger;
  switch (source.kind) {
    case 'schedule':
      trigger = { kind: 'schedule', id: `${source.rule}@${source.scheduledTime}` };
      break;
    case 'dataset': {
      const version =
        source.etag !== undefined && source.etag !== ''
          ? `etag:${normalizeEtag(source.etag)}`
          : source.versionId !== undefined && source.versionId !== ''
            ? `version:${source.versionId}`
            : undefined;
      if (version === undefined) {
        throw new Error(`dataset s3://${source.bucket}/${source.key}: versionId or etag is required`);
      }
      trigger = { kind: 'dataset', id: `s3://${source.bucket}/${source.key}#${version}` };
      break;
    }
    case 'drift':
      trigger = { kind: 'drift', id: source.recordKey };
      break;
    case 'manual':
      trigger = { kind: 'manual', id: source.requestId };
      break;
    case 'debounce':
      trigger = { kind: 'dataset', id: `${source.prefix}@${source.lastLanding}` };
      break;
  }
  if (trigger.id.length > maxTriggerIdLength) {
    trigger = { kind: trigger.kind, id: `sha256:${createHash('sha256').update(trigger.id).digest('hex')}` };
  }
  return trigger;
};
