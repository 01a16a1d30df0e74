import { isRunLockLive } from '../../../src/domain/isRunLockLive.js';

const now = new Date('2026-03-02T12:00:00.000Z');
const minutesAfter = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();

describe('isRunLockLive', () => {
  it('counts a held lock before its expiry and nothing else', () => {
    // Act
    const live = [
      isRunLockLive({ state: 'held', expiresAt: minutesAfter(1) }, now),
      isRunLockLive({ state: 'held', expiresAt: minutesAfter(0) }, now),
      isRunLockLive({ state: 'released', expiresAt: minutesAfter(1) }, now),
    ];

    // Assess
    expect(live).toEqual([true, false, false]);
  });
});
