import { deploymentWindowMs, isModelBusy } from '../../../src/domain/isModelBusy.js';

const now = new Date('2026-03-02T12:00:00.000Z');

describe('isModelBusy', () => {
  it('returns undefined for a model with no approval', () => {
    // Act / Assess
    expect(isModelBusy({}, now)).toBeUndefined();
  });

  it('says waiting for approval while the newest approval is open and not expired', () => {
    // Act
    const busy = isModelBusy(
      { approval: { at: '2026-03-02T10:00:00.000Z', state: 'pending', expiresAt: '2026-03-03T10:00:00.000Z' } },
      now,
    );

    // Assess
    expect(busy).toBe('waiting for approval');
  });

  it('returns undefined once an undecided approval expired', () => {
    // Act
    const busy = isModelBusy(
      { approval: { at: '2026-03-01T10:00:00.000Z', state: 'sent', expiresAt: '2026-03-02T10:00:00.000Z' } },
      now,
    );

    // Assess
    expect(busy).toBeUndefined();
  });

  it('says deploying after an approval until a deployment record follows it', () => {
    // Prepare
    const approval = { at: '2026-03-02T10:00:00.000Z', decision: 'approved', decidedAt: '2026-03-02T11:00:00.000Z' };

    // Act
    const before = isModelBusy({ approval, deployment: { at: '2026-03-01T09:00:00.000Z', decision: 'deployed' } }, now);
    const after = isModelBusy(
      { approval, deployment: { at: '2026-03-02T11:30:00.000Z', decision: 'rolled_back' } },
      now,
    );

    // Assess
    expect(before).toBe('deploying');
    expect(after).toBeUndefined();
  });

  it('returns undefined after an approved package whose deployment was paused: nothing is being deployed', () => {
    // Prepare
    const approval = { at: '2026-03-02T10:00:00.000Z', decision: 'approved', decidedAt: '2026-03-02T11:00:00.000Z' };

    // Act
    const busy = isModelBusy({ approval, deployment: { at: '2026-03-02T11:00:05.000Z', decision: 'paused' } }, now);

    // Assess
    expect(busy).toBeUndefined();
  });

  it('stops counting a deployment that never reported after the longest deployment window', () => {
    // Prepare
    const decidedAt = new Date(now.getTime() - deploymentWindowMs).toISOString();

    // Act
    const busy = isModelBusy({ approval: { at: decidedAt, decision: 'approved', decidedAt } }, now);

    // Assess
    expect(busy).toBeUndefined();
  });

  it('returns undefined after a rejection', () => {
    // Act / Assess
    expect(isModelBusy({ approval: { at: '2026-03-02T10:00:00.000Z', decision: 'rejected' } }, now)).toBeUndefined();
  });
});
