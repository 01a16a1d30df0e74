import { MemoryRecordsRepository } from '@fleet/shared';
import { RecordsTriggerStore } from '../../../../src/adapters/RecordsTriggerStore.js';
import { claimTrigger, duplicateGuard } from '../../../../src/app/guards/duplicateGuard.js';
import type { GuardContext } from '../../../../src/app/guards/Guard.js';
import { scheduleTrigger, settings } from '../../../support/fakes.js';

let attempts = 0;

/** The context of a new attempt (each delivery is its own attempt, the claim's owner). */
const context = (now = '2026-03-02T12:00:00.000Z'): GuardContext => ({
  request: scheduleTrigger(),
  settings: settings(),
  token: 't'.repeat(64),
  attempt: `attempt-${++attempts}`,
  now: new Date(now),
});

const newStore = () => new RecordsTriggerStore(new MemoryRecordsRepository());

describe('duplicateGuard', () => {
  it('lets the first delivery of a trigger through and holds its claim', async () => {
    // Prepare
    const store = newStore();

    // Act
    const stops = await duplicateGuard(store).stops(context());

    // Assess
    expect(stops).toBe(false);
    expect((await store.getClaim('t'.repeat(64)))?.state).toBe('held');
  });

  it('stops a second delivery while the first holds the claim', async () => {
    // Prepare
    const store = newStore();
    await duplicateGuard(store).stops(context());

    // Act
    const stops = await duplicateGuard(store).stops(context('2026-03-02T12:00:01.000Z'));

    // Assess
    expect(stops).toBe(true);
  });

  it('stops a redelivery of a trigger that was decided, however late', async () => {
    // Prepare
    const store = newStore();
    const first = context();
    await duplicateGuard(store).stops(first);
    await store.completeClaim('t'.repeat(64), first.attempt, first.now, { decisionId: 'd1' });

    // Act
    const stops = await duplicateGuard(store).stops(context('2026-04-02T12:00:00.000Z'));

    // Assess
    expect(stops).toBe(true);
  });

  it('lets a retry take over a claim whose start failed', async () => {
    // Prepare
    const store = newStore();
    const first = context();
    await duplicateGuard(store).stops(first);
    await store.failClaim('t'.repeat(64), first.attempt, first.now, new Error('start failed'));

    // Act
    const stops = await duplicateGuard(store).stops(context('2026-03-02T12:01:00.000Z'));

    // Assess
    expect(stops).toBe(false);
    expect(await store.getClaim('t'.repeat(64))).toMatchObject({
      state: 'held',
      acquiredAt: '2026-03-02T12:01:00.000Z',
    });
  });

  it('lets a retry take over a claim left unfinished past its lease', async () => {
    // Prepare
    const store = newStore();
    await claimTrigger(store, context(), 60_000);

    // Act
    const within = await claimTrigger(store, context('2026-03-02T12:00:59.000Z'), 60_000);
    const after = await claimTrigger(store, context('2026-03-02T12:01:00.000Z'), 60_000);

    // Assess
    expect(within).toBe(false);
    expect(after).toBe(true);
  });

  it('lets exactly one of two concurrent takeovers win', async () => {
    // Prepare
    const store = newStore();
    const first = context();
    await claimTrigger(store, first);
    await store.failClaim('t'.repeat(64), first.attempt, first.now, new Error('start failed'));

    // Act
    const results = await Promise.all([
      claimTrigger(store, context('2026-03-02T12:01:00.000Z')),
      claimTrigger(store, context('2026-03-02T12:01:00.001Z')),
    ]);

    // Assess
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
