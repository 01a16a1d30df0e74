import { createHash } from 'node:crypto';

/** The length of an event key: 32 hex digits, 128 bits of SHA-256. */
export const EVENT_KEY_LENGTH = 32;

/** What {@link eventKey} returns, for schemas: exactly 32 lower-case hex digits. */
export const EVENT_KEY_PATTERN = /^[0-9a-f]{32}$/;

/**
 * Derives the `eventKey` of a fleet event from its detail-type and the producer's own
 * idempotency key.
 *
 * EventBridge gives every `PutEvents` entry a new id, so a producer that retries after a crash
 * re-publishes the same fact under another id. The key is a function of what the producer
 * already deduplicates on (a validation claim, a trigger decision, an approval id and attempt,
 * a model and window), so a consumer keys its own exactly-once records on it (notify: one
 * delivery per event key and destination) and sees a re-publish as the same event. The
 * detail-type is part of the hash because one idempotency key often produces several events
 * (`Retraining Started`, then `Retraining Succeeded`), which are different facts.
 *
 * The value is the first 32 hex digits of SHA-256 over `<detailType>` NUL `<idempotencyKey>`:
 * fixed length whatever the key (an S3 key may be 1,024 characters), and no key material in
 * the event.
 *
 * @throws TypeError when either argument is empty: an empty key would make every event the same
 * @example
 * eventKey('Dataset Validated', 'bucket/raw/churn/a.csv@v1') // 32 hex digits, the same on every call
 */
export const eventKey = (detailType: string, idempotencyKey: string): string => {
  if (detailType.length === 0 || idempotencyKey.length === 0) {
    throw new TypeError('eventKey needs a detail-type and a non-empty idempotency key');
  }
  return createHash('sha256').update(`${detailType}\u0000${idempotencyKey}`).digest('hex').slice(0, EVENT_KEY_LENGTH);
};
