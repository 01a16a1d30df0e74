import { MemoryRecordsRepository } from '@fleet/shared';
import { RecordsTriggerStore } from '../../../src/adapters/RecordsTriggerStore.js';
import type { RunLockRequest } from '../../../src/app/ports.js';

const now = new Date('2026-03-02T12:00:00.000Z');
const maxRunMinutes = 60;
const lockMs = maxRunMinutes * 60_000;

const lockOf = (token: string): RunLockRequest => ({
  pipelineName: 'churn-retrain',
  pipeline: 'churn-retrain',
  token: token.repeat(64),
  decisionId: `decision-${token}`,
  trigger: { kind: 'schedule', id: `rule@${token}` },
  correlationId: `corr-${token}`,
});

const minutesBefore = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

const newStore = () => new RecordsTriggerStore(new MemoryRecordsRepository());

describe('RecordsTriggerStore run lock', () => {
  it('takes a lock nobody holds', async () => {
    // Prepare
    const store = newStore();

    // Act
    const taken = await store.acquireRunLock(lockOf('a'), now, lockMs);

    // Assess
    expect(taken).toBe(true);
    expect(await store.getRunLock('churn-retrain')).toMatchObject({ state: 'held', token: 'a'.repeat(64) });
  });

  it('gives the lock to exactly one of two different triggers racing for it', async () => {
    // Prepare
    const store = newStore();

    // Act
    const results = await Promise.all([
      store.acquireRunLock(lockOf('a'), now, lockMs),
      store.acquireRunLock(lockOf('b'), now, lockMs),
    ]);

    // Assess
    expect(results.sort()).toEqual([false, true]);
  });

  it('refuses a lock another trigger holds', async () => {
    // Prepare
    const store = newStore();
    await store.acquireRunLock(lockOf('a'), minutesBefore(59), lockMs);

    // Act
    const taken = await store.acquireRunLock(lockOf('b'), now, lockMs);

    // Assess
    expect(taken).toBe(false);
    expect((await store.getRunLock('churn-retrain'))?.token).toBe('a'.repeat(64));
  });

  it('takes over a released lock, dropping what the last holder recorded', async () => {
    // Prepare
    const store = newStore();
    await store.acquireRunLock(lockOf('a'), minutesBefore(5), lockMs);
    await store.noteRunLockExecution('churn-retrain', 'a'.repeat(64), 'arn:execution/a');
    await store.releaseRunLock('churn-retrain', 'a'.repeat(64), minutesBefore(1).toISOString());

    // Act
    const taken = await store.acquireRunLock(lockOf('b'), now, lockMs);

    // Assess
    expect(taken).toBe(true);
    expect(await store.getRunLock('churn-retrain')).toEqual({
      ...lockOf('b'),
      state: 'held',
      fence: 2,
      acquiredAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + lockMs).toISOString(),
    });
  });

  it('takes over a stale lock, and only one of two racers does', async () => {
    // Prepare
    const store = newStore();
    await store.acquireRunLock(lockOf('a'), minutesBefore(maxRunMinutes), lockMs);

    // Act
    const results = await Promise.all([
      store.acquireRunLock(lockOf('b'), now, lockMs),
      store.acquireRunLock(lockOf('c'), now, lockMs),
    ]);

    // Assess
    expect(results.sort()).toEqual([false, true]);
    expect((await store.getRunLock('churn-retrain'))?.token).not.toBe('a'.repeat(64));
  });

  it('answers true to the trigger that already holds the lock, leaving it as it was', async () => {
    // Prepare
    const store = newStore();
    await store.acquireRunLock(lockOf('a'), minutesBefore(2), lockMs);
    const held = await store.getRunLock('churn-retrain');

    // Act
    const taken = await store.acquireRunLock(lockOf('a'), now, lockMs);

    // Assess
    expect(taken).toBe(true);
    expect(await store.getRunLock('churn-retrain')).toEqual(held);
  });

  it('keeps a late release of a holder whose stale lock was taken over from freeing the new holder', async () => {
    // Prepare
    const store = newStore();
    await store.acquireRunLock(lockOf('a'), minutesBefore(maxRunMinutes), lockMs);
    await store.acquireRunLock(lockOf('b'), now, lockMs);

    // Act
    const released = await store.releaseRunLock('churn-retrain', 'a'.repeat(64), now.toISOString());

    // Assess
    expect(released).toBe(false);
    expect(await store.getRunLock('churn-retrain')).toMatchObject({ state: 'held', token: 'b'.repeat(64), fence: 2 });
  });
});

describe('RecordsTriggerStore takeovers', () => {
  it('reports a stale run lock taken over, and not a fresh or re-entered one', async () => {
    // Prepare
    const takeovers: { what: string; fence: number; previousOwner: string }[] = [];
    const store = new RecordsTriggerStore(new MemoryRecordsRepository(), {
      onTakeover: ({ what, lease, previous }) =>
        takeovers.push({ what, fence: lease.fence, previousOwner: previous.owner }),
    });
    await store.acquireRunLock(lockOf('a'), minutesBefore(maxRunMinutes), lockMs);
    await store.acquireRunLock(lockOf('a'), minutesBefore(maxRunMinutes - 1), lockMs);

    // Act
    await store.acquireRunLock(lockOf('b'), now, lockMs);

    // Assess
    expect(takeovers).toEqual([{ what: 'run-lock', fence: 2, previousOwner: 'a'.repeat(64) }]);
  });
});

describe('RecordsTriggerStore claim takeovers', () => {
  it('reports a failed claim taken over by the retry', async () => {
    // Prepare
    const takeovers: string[] = [];
    const store = new RecordsTriggerStore(new MemoryRecordsRepository(), {
      onTakeover: ({ what, lease }) => takeovers.push(`${what}@${lease.fence}`),
    });
    const claim = (owner: string) => ({
      token: 't'.repeat(64),
      pipeline: 'churn-retrain',
      trigger: { kind: 'manual' as const, id: 'r' },
      correlationId: 'corr-t',
      owner,
    });
    await store.claimTrigger(claim('attempt-1'), now, 60_000);
    await store.failClaim('t'.repeat(64), 'attempt-1', now, new Error('start failed'));

    // Act
    const retried = await store.claimTrigger(claim('attempt-2'), now, 60_000);

    // Assess
    expect(retried).toBe(true);
    expect(takeovers).toEqual(['trigger-claim@2']);
  });
});

describe('RecordsTriggerStore trigger claim', () => {
  const claimOf = (owner: string) => ({
    token: 't'.repeat(64),
    pipeline: 'churn-retrain',
    trigger: { kind: 'schedule' as const, id: 'rule@t' },
    correlationId: 'corr-t',
    owner,
  });

  it('keeps what a completed claim came to, and answers a later claim as a duplicate', async () => {
    // Prepare
    const store = newStore();
    await store.claimTrigger(claimOf('attempt-1'), now, 60_000);

    // Act
    const completed = await store.completeClaim('t'.repeat(64), 'attempt-1', now, {
      decisionId: 'attempt-1',
      executionArn: 'arn:execution/t',
    });
    const again = await store.claimTrigger(claimOf('attempt-2'), minutesBefore(-600), 60_000);

    // Assess
    expect(completed).toBe(true);
    expect(again).toBe(false);
    expect(await store.getClaim('t'.repeat(64))).toMatchObject({
      state: 'completed',
      owner: 'attempt-1',
      decisionId: 'attempt-1',
      executionArn: 'arn:execution/t',
    });
  });

  it('refuses to settle a claim for an attempt that does not hold it', async () => {
    // Prepare
    const store = newStore();
    await store.claimTrigger(claimOf('attempt-1'), now, 60_000);

    // Act
    const failed = await store.failClaim('t'.repeat(64), 'attempt-2', now, new Error('not mine'));

    // Assess
    expect(failed).toBe(false);
    expect(await store.getClaim('t'.repeat(64))).toMatchObject({ state: 'held', owner: 'attempt-1' });
  });
});

describe('RecordsTriggerStore decision', () => {
  it('keeps a started decision and its lineage without TTL, whatever the caller passes', async () => {
    // Prepare
    const records = new MemoryRecordsRepository();
    const store = new RecordsTriggerStore(records);
    const input = { parameters: { A: '1' }, declaredDefaults: { B: '2' }, effectiveParameters: { A: '1', B: '2' } };
    const decision = {
      id: 'decision-1',
      at: now.toISOString(),
      pipeline: 'churn-retrain',
      trigger: { kind: 'manual' as const, id: 'r-1' },
      reason: 'r',
      correlationId: 'corr-1',
      token: 't'.repeat(64),
      decision: 'started' as const,
      executionArn: 'arn:execution/1',
      input,
    };

    // Act
    await store.recordDecision({ ...decision, ttl: 1 } as typeof decision);

    // Assess
    const [stored] = records.records;
    expect(stored).toMatchObject({ pk: 'PIPELINE#churn-retrain', kind: 'trigger', input });
    expect(stored).not.toHaveProperty('ttl');
  });
});
