import { triggerIdentity } from '../../../src/domain/triggerIdentity.js';

describe('triggerIdentity', () => {
  it('identifies a schedule by its rule and scheduled time', () => {
    // Prepare
    const source = {
      kind: 'schedule',
      rule: 'arn:aws:events:eu-west-1:1:rule/nightly',
      scheduledTime: '2024-05-01T03:00:00Z',
    } as const;

    // Act
    const trigger = triggerIdentity(source);

    // Assess
    expect(trigger).toEqual({ kind: 'schedule', id: 'arn:aws:events:eu-west-1:1:rule/nightly@2024-05-01T03:00:00Z' });
  });

  it('identifies a dataset by bucket, key and ETag, ignoring the ETag quotes', () => {
    // Act
    const quoted = triggerIdentity({ kind: 'dataset', bucket: 'b', key: 'raw/a.csv', etag: '"abc"', versionId: 'v1' });
    const plain = triggerIdentity({ kind: 'dataset', bucket: 'b', key: 'raw/a.csv', etag: 'abc', versionId: 'v2' });

    // Assess
    expect(quoted).toEqual({ kind: 'dataset', id: 's3://b/raw/a.csv#etag:abc' });
    expect(plain).toEqual(quoted);
  });

  it('gives changed content under the same key a new identity', () => {
    // Act
    const before = triggerIdentity({ kind: 'dataset', bucket: 'b', key: 'raw/a.csv', etag: 'abc' });
    const after = triggerIdentity({ kind: 'dataset', bucket: 'b', key: 'raw/a.csv', etag: 'def' });

    // Assess
    expect(after.id).not.toBe(before.id);
  });

  it('falls back to the version id when there is no ETag', () => {
    // Act
    const trigger = triggerIdentity({ kind: 'dataset', bucket: 'b', key: 'raw/a b+c:ü.csv', versionId: 'v1' });

    // Assess
    expect(trigger.id).toBe('s3://b/raw/a b+c:ü.csv#version:v1');
  });

  it('throws when a dataset has neither ETag nor version id', () => {
    // Act and assess
    expect(() => triggerIdentity({ kind: 'dataset', bucket: 'b', key: 'raw/a.csv' })).toThrow(
      's3://b/raw/a.csv: versionId or etag is required',
    );
  });

  it('identifies drift by its record key and a manual start by its request id', () => {
    // Act
    const drift = triggerIdentity({ kind: 'drift', recordKey: 'MODEL#churn|t#drift#1' });
    const manual = triggerIdentity({ kind: 'manual', requestId: 'req-1' });

    // Assess
    expect(drift).toEqual({ kind: 'drift', id: 'MODEL#churn|t#drift#1' });
    expect(manual).toEqual({ kind: 'manual', id: 'req-1' });
  });

  it('identifies a debounced run by its prefix and last landing, as a dataset trigger', () => {
    // Act
    const trigger = triggerIdentity({
      kind: 'debounce',
      prefix: 's3://b/raw/',
      lastLanding: 's3://b/raw/a.csv#etag:1',
    });

    // Assess
    expect(trigger).toEqual({ kind: 'dataset', id: 's3://b/raw/@s3://b/raw/a.csv#etag:1' });
  });

  it('replaces an identity longer than 1024 characters by its SHA-256', () => {
    // Act
    const trigger = triggerIdentity({ kind: 'manual', requestId: 'x'.repeat(2000) });

    // Assess
    expect(trigger.id).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
