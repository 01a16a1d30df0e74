import { createHash } from 'node:crypto';
import { EVENT_KEY_LENGTH, EVENT_KEY_PATTERN, eventKey, fleetEventSchema } from '../../src/index.js';
import { loadFixture } from '../loadFixture.js';

// biome-ignore lint/suspicious/noExplicitAny: tests break fixtures field by field
type Json = Record<string, any>;

describe('eventKey', () => {
  it('returns the same key for the same detail-type and idempotency key', () => {
    // Act
    const first = eventKey('Dataset Validated', 'bucket/raw/churn/a.csv@v1');
    const second = eventKey('Dataset Validated', 'bucket/raw/churn/a.csv@v1');

    // Assess
    expect(second).toBe(first);
    expect(first).toMatch(EVENT_KEY_PATTERN);
    expect(first).toHaveLength(EVENT_KEY_LENGTH);
  });

  it('returns the documented digest: the first 32 hex digits of SHA-256 over type NUL key', () => {
    // Prepare
    const expected = createHash('sha256').update('Retraining Started\u0000churn-retrain#dataset#x').digest('hex');

    // Act
    const key = eventKey('Retraining Started', 'churn-retrain#dataset#x');

    // Assess
    expect(key).toBe(expected.slice(0, 32));
  });

  it('gives different keys to two events of one idempotency key', () => {
    // Act
    const started = eventKey('Retraining Started', 'churn-retrain#dataset#x');
    const succeeded = eventKey('Retraining Succeeded', 'churn-retrain#dataset#x');

    // Assess
    expect(started).not.toBe(succeeded);
  });

  it('gives different keys to different idempotency keys of one detail-type', () => {
    // Act
    const a = eventKey('Dataset Validated', 'bucket/a.csv@v1');
    const b = eventKey('Dataset Validated', 'bucket/a.csv@v2');

    // Assess
    expect(a).not.toBe(b);
  });

  it('does not confuse a type-and-key split at another place', () => {
    // Act
    const a = eventKey('Drift Detected', 'x');
    const b = eventKey('Drift Detecte', 'dx');

    // Assess
    expect(a).not.toBe(b);
  });

  it('keeps a 1,024-character S3 key to 32 digits', () => {
    // Act
    const key = eventKey('Dataset Rejected', `bucket/${'k'.repeat(1024)}@v1`);

    // Assess
    expect(key).toHaveLength(32);
  });

  it.each([
    ['', 'key'],
    ['Dataset Validated', ''],
  ])('throws when the detail-type (%j) or the key (%j) is empty', (detailType, key) => {
    // Act
    const deriving = () => eventKey(detailType, key);

    // Assess
    expect(deriving).toThrow(TypeError);
  });

  it.each([
    ['missing', undefined],
    ['a raw idempotency key', 'bucket/raw/churn/a.csv@v1'],
    ['upper-case hex', 'A'.repeat(32)],
    ['too short', 'a'.repeat(31)],
  ])('is rejected by the catalog when %s', (_what, value) => {
    // Prepare
    const event = loadFixture<Json>('fleet/model-deployed.json');
    if (value === undefined) delete event.detail.eventKey;
    else event.detail.eventKey = value;

    // Act
    const result = fleetEventSchema('Model Deployed').safeParse(event);

    // Assess
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(['detail', 'eventKey']);
  });
});
