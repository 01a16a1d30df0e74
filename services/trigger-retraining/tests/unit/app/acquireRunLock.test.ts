import { acquireRunLock, isRunLockLive } from '../../../src/app/acquireRunLock.js';
import type { RunLock } from '../../../src/app/ports.js';
import { InMemoryTriggerStore } from '../../support/InMemoryTriggerStore.js';

const now = new Date('2026-03-02T12:00:00.000Z');
const maxRunMinutes = 60;

const lockOf = (token: string, overrides: Partial<RunLock> = {}): RunLock => ({
  pipelineName: 'churn-retrain',
  pipeline: 'churn-retrain',
  status: 'held',
  token: token.repeat(64),
  decisionId: `decision-${token}`,
  trigger: { kind: 'schedule', id: `rule@${token}` },
  correlationId: `corr-${token}`,
  acquiredAt: now.toISOString(),
  ...overrides,
});

const minutesBefore = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();

describe('acquireRunLock', () => {
  it('takes a lock nobody holds', async () => {
    // Prepare
    const store = new InMemoryTriggerStore();

    // Act
    const taken = await acquireRunLock(store, lockOf('a'), maxRunMinutes, now);

    // Assess
    expect(taken).toBe(true);
    expect(await store.getRunLock('churn-retrain')).toMatchObject({ status: 'held', token: 'a'.repeat(64) });
  });

  it('gives the lock to exactly one of two different triggers racing for it', async () => {
    // Prepare
    const store = new InMemoryTriggerStore();

    // Act
    const results = await Promise.all([
      acquireRunLock(store, lockOf('a'), maxRunMinutes, now),
      acquireRunLock(store, lockOf('b'), maxRunMinutes, now),
    ]);

    // Assess
    expect(results.sort()).toEqual([false, true]);
  });

  it('refuses a lock another trigger holds', async () => {
    // Prepare
    const store = new InMemoryTriggerStore();
    await store.putRunLock(lockOf('a', { acquiredAt: minutesBefore(59) }));

    // Act
    const taken = await acquireRunLock(store, lockOf('b'), maxRunMinutes, now);

    // Assess
    expect(taken).toBe(false);
    expect((await store.getRunLock('churn-retrain'))?.token).toBe('a'.repeat(64));
  });

  it('takes over a released lock, dropping what the last holder recorded', async () => {
    // Prepare
    const store = new InMemoryTriggerStore();
    await store.putRunLock(lockOf('a', { acquiredAt: minutesBefore(5) }));
    await store.noteRunLockExecution('churn-retrain', 'a'.repeat(64), 'arn:execution/a');
    await store.releaseRunLock('churn-retrain', 'a'.repeat(64), minutesBefore(1));

    // Act
    const taken = await acquireRunLock(store, lockOf('b'), maxRunMinutes, now);

    // Assess
    expect(taken).toBe(true);
    expect(await store.getRunLock('churn-retrain')).toEqual(lockOf('b'));
  });

  it('takes over a stale lock, and only one of two racers does', async () => {
    // Prepare
    const store = new InMemoryTriggerStore();
    await store.putRunLock(lockOf('a', { acquiredAt: minutesBefore(maxRunMinutes) }));

    // Act
    const results = await Promise.all([
      acquireRunLock(store, lockOf('b'), maxRunMinutes, now),
      acquireRunLock(store, lockOf('c'), maxRunMinutes, now),
    ]);

    // Assess
    expect(results.sort()).toEqual([false, true]);
    expect((await store.getRunLock('churn-retrain'))?.token).not.toBe('a'.repeat(64));
  });

  it('answers true to the trigger that already holds the lock, leaving it as it was', async () => {
    // Prepare
    const store = new InMemoryTriggerStore();
    const held = lockOf('a', { acquiredAt: minutesBefore(2) });
    await store.putRunLock(held);

    // Act
    const taken = await acquireRunLock(store, lockOf('a'), maxRunMinutes, now);

    // Assess
    expect(taken).toBe(true);
    expect(await store.getRunLock('churn-retrain')).toEqual(held);
  });
});

describe('isRunLockLive', () => {
  it('counts a held lock younger than maxRunMinutes and nothing else', () => {
    // Act
    const live = [
      isRunLockLive(lockOf('a', { acquiredAt: minutesBefore(59) }), maxRunMinutes, now),
      isRunLockLive(lockOf('a', { acquiredAt: minutesBefore(60) }), maxRunMinutes, now),
      isRunLockLive(lockOf('a', { status: 'released' }), maxRunMinutes, now),
    ];

    // Assess
    expect(live).toEqual([true, false, false]);
  });
});
