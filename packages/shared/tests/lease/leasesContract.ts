import {
  correlationKey,
  type FleetRecord,
  type Lease,
  LeaseError,
  type LeaseKey,
  LeaseState,
  Leases,
  partitionKey,
  RecordKind,
  type RecordsRepositoryPort,
} from '../../src/index.js';

/** A repository under test and how to shut it down. */
export type LeasesRepositoryUnderTest = { repository: RecordsRepositoryPort; stop?: () => Promise<void> };

const T0 = new Date('2024-05-01T10:00:00.000Z');
const MINUTE = 60_000;
const later = (ms: number): Date => new Date(T0.getTime() + ms);

/** The lease with the given outcome, or a failed expectation naming what came instead. */
const expectOutcome = (acquisition: { outcome: string; lease: Lease }, outcome: string): Lease => {
  expect(acquisition.outcome).toBe(outcome);
  return acquisition.lease;
};

/** The error a promise rejected with, so a test can assert on it after other awaits. */
const errorOf = (error: unknown): unknown => error;

/**
 * A repository whose first `get` finds the record gone, as when DynamoDB's TTL deletes it
 * between a conditional write that failed and the read after it.
 */
const vanishingOnFirstRead = (inner: RecordsRepositoryPort): RecordsRepositoryPort => {
  let vanished = false;
  return {
    put: (record) => inner.put(record),
    putIfAbsent: (record) => inner.putIfAbsent(record),
    get: async (pk, sk) => {
      if (!vanished) {
        vanished = true;
        await inner.delete(pk, sk);
      }
      return inner.get(pk, sk);
    },
    update: (pk, sk, changes, options) => inner.update(pk, sk, changes, options),
    delete: (pk, sk, options) => inner.delete(pk, sk, options),
    history: (pk, options) => inner.history(pk, options),
    byCorrelation: (correlationId) => inner.byCorrelation(correlationId),
  };
};

/**
 * The behaviour of {@link Leases} over any records repository; run against DynamoDB (dynalite)
 * and the in-memory fake so the fake cannot drift from the real thing where exactly-once
 * depends on it.
 */
export const describeLeases = (name: string, start: () => Promise<LeasesRepositoryUnderTest>) =>
  describe(name, () => {
    let repository: RecordsRepositoryPort;
    let leases: Leases;
    let stop: (() => Promise<void>) | undefined;
    let keys = 0;

    /** A key no other test uses, so the tests share one table. */
    const freshKey = (): LeaseKey => ({ pk: partitionKey('IDEMPOTENCY', `lease-${++keys}`), sk: 'lease' });

    const acquire = (key: LeaseKey, owner: string, now: Date, durationMs = 5 * MINUTE, payload = {}) =>
      leases.acquire({
        key,
        owner,
        now,
        durationMs,
        record: { kind: RecordKind.idempotency, id: key.pk, correlationId: `corr-${owner}`, ...payload },
      });

    beforeAll(async () => {
      ({ repository, stop } = await start());
      leases = new Leases(repository);
    });

    afterAll(async () => {
      await stop?.();
    });

    it('acquires a fresh lease with fence 1 and stores its attributes and payload at the top level', async () => {
      // Prepare
      const key = freshKey();

      // Act
      const acquisition = await acquire(key, 'a', T0, 5 * MINUTE, { object: { bucket: 'b', key: 'k' } });

      // Assess
      const lease = expectOutcome(acquisition, 'acquired');
      expect(lease).toMatchObject({
        key,
        state: LeaseState.held,
        owner: 'a',
        fence: 1,
        acquiredAt: T0.toISOString(),
        expiresAt: later(5 * MINUTE).toISOString(),
      });
      const stored = await repository.get(key.pk, key.sk);
      expect(stored).toEqual(lease.record);
      expect(stored).toMatchObject({
        at: T0.toISOString(),
        state: 'held',
        owner: 'a',
        fence: 1,
        object: { bucket: 'b', key: 'k' },
        gsi1pk: correlationKey('corr-a'),
      });
    });

    it('answers held to a second owner while the lease is live', async () => {
      // Prepare
      const key = freshKey();
      await acquire(key, 'a', T0);

      // Act
      const second = await acquire(key, 'b', later(MINUTE));

      // Assess
      const lease = expectOutcome(second, 'held');
      expect(lease).toMatchObject({ owner: 'a', fence: 1 });
      expect(await repository.get(key.pk, key.sk)).toMatchObject({ owner: 'a', fence: 1, correlationId: 'corr-a' });
    });

    it('gives a live lease back to its own owner with the same fence and expiry (re-entrant)', async () => {
      // Prepare
      const key = freshKey();
      const first = expectOutcome(await acquire(key, 'token-1', T0, 60 * MINUTE), 'acquired');

      // Act
      const again = await acquire(key, 'token-1', later(10 * MINUTE), 60 * MINUTE);

      // Assess
      const lease = expectOutcome(again, 'acquired');
      expect(again).not.toHaveProperty('previous');
      expect(lease.fence).toBe(1);
      expect(lease.expiresAt).toBe(first.expiresAt);
      expect(await leases.complete(first, later(11 * MINUTE))).toBe(true);
    });

    describe('takeover of an expired lease', () => {
      const key: LeaseKey = { pk: partitionKey('IDEMPOTENCY', 'expired-takeover'), sk: 'lease' };
      let old: Lease;
      let taken: { outcome: string; lease: Lease; previous?: Lease };

      beforeAll(async () => {
        old = expectOutcome(await acquire(key, 'a', T0, MINUTE), 'acquired');
        expect(await leases.annotate(old, { executionArn: 'arn:old' })).toBe(true);
        taken = await acquire(key, 'b', later(2 * MINUTE), 5 * MINUTE, { object: 'second' });
      });

      it('bumps the fence, names the previous lease and keeps at and sk', async () => {
        // Assess
        const lease = expectOutcome(taken, 'acquired');
        expect(lease).toMatchObject({ owner: 'b', fence: 2, acquiredAt: later(2 * MINUTE).toISOString() });
        expect(taken.previous).toMatchObject({ owner: 'a', fence: 1, state: 'held' });
        const stored = await repository.get(key.pk, key.sk);
        expect(stored).toEqual(lease.record);
        expect(stored).toMatchObject({ sk: 'lease', at: T0.toISOString(), object: 'second' });
        expect(stored?.gsi1pk).toBe(correlationKey('corr-b'));
      });

      it('drops what the previous holder recorded', async () => {
        // Act
        const stored = await repository.get(key.pk, key.sk);

        // Assess
        expect(stored).not.toHaveProperty('executionArn');
      });

      it('answers false to every write of the old holder and leaves the new lease as it was', async () => {
        // Prepare
        const before = await repository.get(key.pk, key.sk);

        // Act
        const writes = [
          await leases.complete(old, later(3 * MINUTE), { verdict: 'late' }),
          await leases.fail(old, later(3 * MINUTE), new Error('late')),
          await leases.release(old, later(3 * MINUTE), 'late'),
          await leases.annotate(old, { executionArn: 'arn:late' }),
          (await leases.extend(old, later(3 * MINUTE), 10 * MINUTE)) !== undefined,
        ];

        // Assess
        expect(writes).toEqual([false, false, false, false, false]);
        expect(await repository.get(key.pk, key.sk)).toEqual(before);
      });
    });

    it('lets the same owner take its own expired lease over with the next fence', async () => {
      // Prepare
      const key = freshKey();
      await acquire(key, 'a', T0, MINUTE);

      // Act
      const again = await acquire(key, 'a', later(2 * MINUTE));

      // Assess
      expect(expectOutcome(again, 'acquired').fence).toBe(2);
    });

    it('takes a failed lease over at once, before it expires, and forgets the failure', async () => {
      // Prepare
      const key = freshKey();
      const first = expectOutcome(await acquire(key, 'a', T0, 60 * MINUTE), 'acquired');
      expect(await leases.fail(first, later(MINUTE), new TypeError('boom'))).toBe(true);

      // Act
      const retry = await acquire(key, 'b', later(2 * MINUTE));

      // Assess
      const lease = expectOutcome(retry, 'acquired');
      expect(lease.fence).toBe(2);
      expect(retry).toMatchObject({
        previous: { state: 'failed', failure: { name: 'TypeError', message: 'boom' } },
      });
      const stored = await repository.get(key.pk, key.sk);
      expect(stored).not.toHaveProperty('failure');
      expect(stored).not.toHaveProperty('settledAt');
    });

    it('takes a released lease over at once, and stores the reason of the release', async () => {
      // Prepare
      const key = freshKey();
      const first = expectOutcome(await acquire(key, 'a', T0, 60 * MINUTE), 'acquired');

      // Act
      const released = await leases.release(first, later(MINUTE), 'object gone');
      const afterRelease = await leases.get(key);
      const next = await acquire(key, 'b', later(2 * MINUTE));

      // Assess
      expect(released).toBe(true);
      expect(afterRelease).toMatchObject({
        state: 'released',
        settledAt: later(MINUTE).toISOString(),
        failure: { name: 'LeaseReleased', message: 'object gone' },
      });
      expect(expectOutcome(next, 'acquired')).toMatchObject({ owner: 'b', fence: 2 });
    });

    it('answers completed with the result and never takes a completed lease over', async () => {
      // Prepare
      const key = freshKey();
      const first = expectOutcome(await acquire(key, 'a', T0, MINUTE), 'acquired');
      expect(await leases.complete(first, later(30_000), { verdict: 'validated', rows: 7043, note: undefined })).toBe(
        true,
      );
      const before = await repository.get(key.pk, key.sk);

      // Act: long after the lease would have expired
      const duplicate = await acquire(key, 'b', later(24 * 60 * MINUTE));

      // Assess
      const lease = expectOutcome(duplicate, 'completed');
      expect(lease).toMatchObject({
        state: 'completed',
        owner: 'a',
        fence: 1,
        settledAt: later(30_000).toISOString(),
        result: { verdict: 'validated', rows: 7043 },
      });
      expect(lease.result).not.toHaveProperty('note');
      expect(await repository.get(key.pk, key.sk)).toEqual(before);
    });

    it('lets exactly one of five concurrent owners acquire a free lease', async () => {
      // Prepare
      const key = freshKey();
      const owners = ['o1', 'o2', 'o3', 'o4', 'o5'];

      // Act
      const results = await Promise.all(owners.map((owner) => acquire(key, owner, T0)));

      // Assess
      const winners = results.filter((r) => r.outcome === 'acquired');
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => r.outcome === 'held')).toHaveLength(4);
      const stored = await repository.get(key.pk, key.sk);
      expect(stored).toMatchObject({ owner: winners[0].lease.owner, fence: 1 });
      for (const r of results) expect(r.lease.owner).toBe(winners[0].lease.owner);
    });

    it('lets exactly one of five concurrent owners take an expired lease over', async () => {
      // Prepare
      const key = freshKey();
      await acquire(key, 'stale', T0, MINUTE);
      const owners = ['o1', 'o2', 'o3', 'o4', 'o5'];

      // Act
      const results = await Promise.all(owners.map((owner) => acquire(key, owner, later(2 * MINUTE))));

      // Assess
      const winners = results.filter((r) => r.outcome === 'acquired');
      expect(winners).toHaveLength(1);
      expect(winners[0].lease.fence).toBe(2);
      expect(await repository.get(key.pk, key.sk)).toMatchObject({ owner: winners[0].lease.owner, fence: 2 });
    });

    it('moves expiresAt on extend, so the lease stays held past its first expiry', async () => {
      // Prepare
      const key = freshKey();
      const first = expectOutcome(await acquire(key, 'a', T0, MINUTE), 'acquired');

      // Act
      const extended = await leases.extend(first, later(30_000), 10 * MINUTE);
      const other = await acquire(key, 'b', later(2 * MINUTE));

      // Assess
      expect(extended).toMatchObject({ fence: 1, expiresAt: later(30_000 + 10 * MINUTE).toISOString() });
      expect(await repository.get(key.pk, key.sk)).toEqual(extended?.record);
      expect(other.outcome).toBe('held');
    });

    it('sets payload fields on annotate while the holder, and refuses lease attributes', async () => {
      // Prepare
      const key = freshKey();
      const lease = expectOutcome(await acquire(key, 'a', T0), 'acquired');

      // Act
      const annotated = await leases.annotate(lease, { executionArn: 'arn:run-1' });
      const refused = await leases.annotate(lease, { fence: 9 }).then(() => undefined, errorOf);

      // Assess
      expect(annotated).toBe(true);
      expect(await repository.get(key.pk, key.sk)).toMatchObject({ executionArn: 'arn:run-1', fence: 1 });
      expect(refused).toBeInstanceOf(RangeError);
      expect(refused).toHaveProperty('message', 'annotate cannot set the lease attribute "fence"');
    });

    it('stores payload and result as the table keeps them, without undefined in objects or lists', async () => {
      // Prepare
      const key = freshKey();
      const lease = expectOutcome(
        await acquire(key, 'a', T0, MINUTE, { prefixes: ['raw/a/', undefined, 'raw/b/'] }),
        'acquired',
      );

      // Act
      const completed = await leases.complete(lease, later(1_000), {
        issues: ['a', undefined, 'b'],
        nested: { dropped: undefined, kept: [undefined, 1] },
      });

      // Assess
      expect(completed).toBe(true);
      const stored = await leases.get(key);
      expect(stored?.record.prefixes).toEqual(['raw/a/', 'raw/b/']);
      expect(lease.record.prefixes).toEqual(['raw/a/', 'raw/b/']);
      expect(stored?.result).toEqual({ issues: ['a', 'b'], nested: { kept: [1] } });
    });

    it('refuses a result DynamoDB cannot store (NaN, a Date) and leaves the lease held', async () => {
      // Prepare
      const key = freshKey();
      const lease = expectOutcome(await acquire(key, 'a', T0), 'acquired');

      // Act
      const notANumber = await leases
        .complete(lease, later(1_000), { rows: Number.NaN })
        .then(() => undefined, errorOf);
      const aDate = await leases.complete(lease, later(1_000), { at: new Date(0) }).then(() => undefined, errorOf);

      // Assess
      expect(notANumber).toHaveProperty('message', 'Special numeric value NaN is not allowed');
      expect(aDate).toHaveProperty('message', expect.stringContaining('Unsupported type passed'));
      expect(await leases.get(key)).toMatchObject({ state: 'held', fence: 1 });
    });

    it('refuses a record over the 400 KB item limit, on acquire and on annotate', async () => {
      // Prepare
      const key = freshKey();
      const big = 'x'.repeat(401 * 1024);
      const held = freshKey();
      const lease = expectOutcome(await acquire(held, 'a', T0), 'acquired');

      // Act
      const acquiring = await acquire(key, 'a', T0, MINUTE, { big }).then(() => undefined, errorOf);
      const annotating = await leases.annotate(lease, { big }).then(() => undefined, errorOf);

      // Assess
      expect(acquiring).toHaveProperty('name', 'ValidationException');
      expect(annotating).toHaveProperty('name', 'ValidationException');
      expect(await repository.get(key.pk, key.sk)).toBeUndefined();
      expect(await repository.get(held.pk, held.sk)).toEqual(lease.record);
    });

    it('stores a failure message cut to 500 characters', async () => {
      // Prepare
      const key = freshKey();
      const lease = expectOutcome(await acquire(key, 'a', T0), 'acquired');

      // Act
      const failed = await leases.fail(lease, later(MINUTE), 'x'.repeat(2000));

      // Assess
      expect(failed).toBe(true);
      const stored = await leases.get(key);
      expect(stored?.failure).toEqual({ name: 'Error', message: 'x'.repeat(500) });
      expect(stored?.state).toBe('failed');
    });

    it('acquires again when the record vanishes between the failed write and the read', async () => {
      // Prepare
      const key = freshKey();
      await acquire(key, 'a', T0, 60 * MINUTE);
      const vanishing = new Leases(vanishingOnFirstRead(repository));

      // Act
      const acquisition = await vanishing.acquire({
        key,
        owner: 'b',
        now: later(MINUTE),
        durationMs: MINUTE,
        record: { kind: RecordKind.idempotency, id: 'x', correlationId: 'corr-b' },
      });

      // Assess
      expect(expectOutcome(acquisition, 'acquired').fence).toBe(1);
      expect(await repository.get(key.pk, key.sk)).toMatchObject({ owner: 'b', fence: 1 });
    });

    it('returns undefined for a missing lease and throws LeaseError for a record that is not one', async () => {
      // Prepare
      const key = freshKey();
      const notALease: FleetRecord = {
        ...key,
        kind: RecordKind.idempotency,
        id: 'x',
        at: T0.toISOString(),
        correlationId: 'c',
        status: 'in-progress',
      };
      const missing = await leases.get(freshKey());
      await repository.put(notALease);

      // Act
      const reading = await leases.get(key).then(() => undefined, errorOf);

      // Assess
      expect(missing).toBeUndefined();
      expect(reading).toBeInstanceOf(LeaseError);
    });

    it('refuses a record that sets a lease attribute and a duration that is not positive', async () => {
      // Prepare
      const key = freshKey();

      // Act
      const withState = await acquire(key, 'a', T0, MINUTE, { state: 'completed' }).then(() => undefined, errorOf);
      const noTime = await acquire(key, 'a', T0, 0).then(() => undefined, errorOf);

      // Assess
      expect(withState).toHaveProperty('message', 'an acquire record cannot set the lease attribute "state"');
      expect(noTime).toBeInstanceOf(RangeError);
      expect(await repository.get(key.pk, key.sk)).toBeUndefined();
    });
  });
