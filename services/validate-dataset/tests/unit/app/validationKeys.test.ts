import { eventKey } from '@fleet/shared';
import {
  formatRecordKey,
  objectIdentity,
  profileKey,
  validationEventKey,
  validationId,
  validationRecordKeys,
  versionLabel,
} from '../../../src/app/validationKeys.js';

const object = { bucket: 'b', key: 'raw/churn/q1 data+v2:ä.csv', etag: 'e1' };

describe('validation keys', () => {
  it('prefers the version id to the etag in an identity', () => {
    // Prepare
    const versioned = { ...object, versionId: 'v1' };

    // Act
    const label = versionLabel(versioned);

    // Assess
    expect(label).toBe('v1');
    expect(objectIdentity(versioned)).toBe('b/raw/churn/q1 data+v2:ä.csv/v1');
  });

  it('throws when an object has neither a version id nor an etag', () => {
    // Prepare
    const bare: { versionId?: string; etag?: string } = {};

    // Act
    const label = () => versionLabel(bare);

    // Assess
    expect(label).toThrow(RangeError);
  });

  it('derives the same id from the same object version and another from another', () => {
    // Prepare
    const other = { ...object, etag: 'e2' };

    // Act
    const ids = [validationId(object), validationId({ ...object }), validationId(other)];

    // Assess
    expect(ids[0]).toMatch(/^[0-9a-f]{20}$/);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
  });

  it('puts the record in the dataset history and the claim under its object identity', () => {
    // Prepare
    const at = '2024-05-01T12:00:00+02:00';

    // Act
    const record = validationRecordKeys.record('churn', at, 'abc');
    const claim = validationRecordKeys.claim(object);

    // Assess
    expect(record).toEqual({ pk: 'DATASET#churn', sk: '2024-05-01T10:00:00.000Z#validation#abc' });
    expect(claim).toEqual({ pk: 'IDEMPOTENCY#validation#b/raw/churn/q1 data+v2:ä.csv/e1', sk: 'claim' });
    expect(formatRecordKey(record)).toBe('DATASET#churn|2024-05-01T10:00:00.000Z#validation#abc');
  });

  it('keys the events of an object version on its claim, the same for every delivery', () => {
    // Prepare
    const other = { ...object, etag: 'e2' };

    // Act
    const validated = validationEventKey('Dataset Validated', object);
    const again = validationEventKey('Dataset Validated', { ...object });
    const rejected = validationEventKey('Dataset Rejected', object);
    const otherVersion = validationEventKey('Dataset Validated', other);

    // Assess
    expect(validated).toBe(eventKey('Dataset Validated', 'validation#b/raw/churn/q1 data+v2:ä.csv/e1'));
    expect(validated).toMatch(/^[0-9a-f]{32}$/);
    expect(again).toBe(validated);
    expect(rejected).not.toBe(validated);
    expect(otherVersion).not.toBe(validated);
  });

  it('places profiles under the top-level profiles prefix, never under the watched one', () => {
    // Prepare
    const versioned = { ...object, versionId: 'v9' };

    // Act
    const key = profileKey('churn', versioned);

    // Assess
    expect(key).toBe('profiles/churn/raw/churn/q1 data+v2:ä.csv.v9.json');
  });
});
