import { createHash } from 'node:crypto';
import { eventKey, type FleetDetailType, partitionKey, sortKey } from '@fleet/shared';
import { PROFILES_PREFIX } from '../domain/ContractCatalog.js';
import type { ObjectVersion } from './ports.js';

/** How long a claim is kept: an event redelivered or replayed within this time validates nothing new. */
export const CLAIM_TTL_DAYS = 90;

/**
 * The version part of an object's identity: its version id, else its etag.
 *
 * @throws RangeError when the object has neither (S3 always sends one of them)
 */
export const versionLabel = (object: Pick<ObjectVersion, 'versionId' | 'etag'>): string => {
  const label = object.versionId ?? object.etag;
  if (label === undefined || label === '') throw new RangeError('an object version needs a versionId or an etag');
  return label;
};

/** `bucket/key/version`: what makes one validation one validation. */
export const objectIdentity = (object: ObjectVersion): string =>
  `${object.bucket}/${object.key}/${versionLabel(object)}`;

/**
 * The id of the validation of one object version: 20 hex digits of the SHA-256 of its identity.
 *
 * Deterministic, so every delivery of the same object version names the same validation.
 */
export const validationId = (object: ObjectVersion): string =>
  createHash('sha256').update(objectIdentity(object)).digest('hex').slice(0, 20);

/** What a validation claim deduplicates on: `validation#<bucket>/<key>/<version>`. */
const claimIdempotencyKey = (object: ObjectVersion): string => `validation#${objectIdentity(object)}`;

/**
 * The keys of the records validate-dataset writes:
 *
 * - the validation record (kind `validation`): `DATASET#<dataset>` / `<ISO time>#validation#<id>`,
 *   in the dataset's history, kept for audit;
 * - the claim (kind `idempotency`): `IDEMPOTENCY#validation#<bucket>/<key>/<version>` / `claim`,
 *   with a TTL; a conditional write of it makes each object version validated once.
 */
export const validationRecordKeys = {
  record: (dataset: string, at: string, id: string) => ({
    pk: partitionKey('DATASET', dataset),
    sk: sortKey(at, 'validation', id),
  }),
  claim: (object: ObjectVersion) => ({
    pk: partitionKey('IDEMPOTENCY', claimIdempotencyKey(object)),
    sk: 'claim',
  }),
} as const;

/**
 * The `eventKey` of an event about one object version: `eventKey` of the detail-type and the
 * idempotency key of the validation claim, `validation#<bucket>/<key>/<version>`.
 *
 * Every publication about the same object version carries the same key, a retry after a failed
 * publish or a takeover of an expired claim included, so a consumer can tell a re-publish from a
 * new validation even though EventBridge gives each a new id.
 */
export const validationEventKey = (
  detailType: Extract<FleetDetailType, 'Dataset Validated' | 'Dataset Rejected'>,
  object: ObjectVersion,
): string => eventKey(detailType, claimIdempotencyKey(object));

/** The `recordKey` events carry: `<pk>|<sk>` of the validation record. */
export const formatRecordKey = (keys: { pk: string; sk: string }): string => `${keys.pk}|${keys.sk}`;

/**
 * Where the profile of one object version goes: `profiles/<dataset>/<key>.<version>.json`.
 *
 * Under the top-level `profiles/` prefix, which no contract may watch, so writing it cannot
 * start another validation.
 */
export const profileKey = (dataset: string, object: ObjectVersion): string =>
  `${PROFILES_PREFIX}${dataset}/${object.key}.${versionLabel(object)}.json`;

/** Epoch seconds `days` after `at`, for the table's `ttl` attribute. */
export const ttlAfter = (at: string, days: number): number => Math.floor(Date.parse(at) / 1000) + days * 86_400;
