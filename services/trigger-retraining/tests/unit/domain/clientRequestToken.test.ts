import { clientRequestToken } from '../../../src/domain/clientRequestToken.js';

describe('clientRequestToken', () => {
  it('returns the same token for the same pipeline and trigger', () => {
    // Act
    const first = clientRequestToken('churn-retrain', { kind: 'manual', id: 'req-1' });
    const second = clientRequestToken('churn-retrain', { kind: 'manual', id: 'req-1' });

    // Assess
    expect(second).toBe(first);
  });

  it("returns 64 hex characters, within SageMaker's 32 to 128", () => {
    // Act
    const token = clientRequestToken('p', { kind: 'schedule', id: 'x'.repeat(1024) });

    // Assess
    expect(token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('returns different tokens for other pipelines, kinds or identities', () => {
    // Prepare
    const base = clientRequestToken('a', { kind: 'manual', id: '1' });

    // Act
    const others = [
      clientRequestToken('b', { kind: 'manual', id: '1' }),
      clientRequestToken('a', { kind: 'drift', id: '1' }),
      clientRequestToken('a', { kind: 'manual', id: '2' }),
    ];

    // Assess
    expect(new Set([base, ...others]).size).toBe(4);
  });
});
