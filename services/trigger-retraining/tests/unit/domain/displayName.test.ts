import { displayName, displayNamePattern } from '../../../src/domain/displayName.js';
import { executionDescription } from '../../../src/domain/executionDescription.js';

const at = new Date('2024-05-01T10:15:30.123Z');

describe('displayName', () => {
  it('names a run by kind, pipeline, time and token', () => {
    // Act
    const name = displayName({ kind: 'dataset', pipeline: 'churn-retrain', at, token: 'abcdef0123456789' });

    // Assess
    expect(name).toBe('dataset-churn-retrain-20240501T101530Z-abcdef01');
    expect(name).toMatch(displayNamePattern);
  });

  it('returns a valid name for any pipeline name, at most 82 characters', () => {
    // Act
    const names = ['_x_', 'a'.repeat(200), 'über.pipeline', '--'].map((pipeline) =>
      displayName({ kind: 'manual', pipeline, at, token: 'ff' }),
    );

    // Assess
    for (const name of names) {
      expect(name).toMatch(displayNamePattern);
      expect(name.length).toBeLessThanOrEqual(82);
    }
  });
});

describe('executionDescription', () => {
  it('carries the reason, the trigger and the correlation id', () => {
    // Act
    const description = executionDescription({
      reason: 'new data',
      trigger: { kind: 'dataset', id: 's3://b/k#etag:1' },
      correlationId: 'corr-1',
    });

    // Assess
    expect(description).toBe('new data [trigger dataset s3://b/k#etag:1; correlationId corr-1]');
  });

  it('shortens a long reason to 3072 characters and keeps the correlation id', () => {
    // Act
    const description = executionDescription({
      reason: 'r'.repeat(5000),
      trigger: { kind: 'manual', id: 'm' },
      correlationId: 'corr-1',
    });

    // Assess
    expect(description).toHaveLength(3072);
    expect(description.endsWith('correlationId corr-1]')).toBe(true);
  });
});
