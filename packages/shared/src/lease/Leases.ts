import type { FleetRecord } from '../records/FleetRecord.js';
import { prepareRecord } from '../records/prepareRecord.js';
import type { RecordsRepositoryPort } from '../records/RecordsRepository.js';
import type { AcquireRequest } from './AcquireRequest.js';
import type { Acquisition } from './Acquisition.js';
import { describeFailure, FAILURE_MESSAGE_LIMIT } from './describeFailure.js';
import type { Lease } from './Lease.js';
import { LeaseError } from './LeaseError.js';
import type { LeaseKey } from './LeaseKey.js';
import { LeaseState } from './LeaseState.js';
import { assertNoLeaseAttributes } from './leaseAttributes.js';
import { leaseFromRecord } from './leaseFromRecord.js';
import { withoutUndefined } from './withoutUndefined.js';

/**
 * How many times `acquire` writes before giving up: enough for a record that vanishes (TTL)
 * between a write and the read after it, and for a takeover lost to a faster owner.
 */
const ACQUIRE_ROUNDS = 3;

/** Fields a takeover keeps from the record it takes over: the key, and `at`, so the item stays put. */
const KEPT_ON_TAKEOVER = new Set(['pk', 'sk', 'at']);

const assertDuration = (durationMs: number): void => {
  if (!Number.isFinite(durationMs) || durationMs <= 0) {
    throw new RangeError(`durationMs must be a positive number, got ${durationMs}`);
  }
};

const addMs = (now: Date, ms: number): string => new Date(now.getTime() + ms).toISOString();

/** The condition every holder write carries: still held, by this owner, under this fence. */
const heldBy = (lease: Lease): Record<string, unknown> => ({
  state: LeaseState.held,
  owner: lease.owner,
  fence: lease.fence,
});

/** Keeps top-level `undefined` values (they remove a field) and drops those nested inside values. */
const withoutUndefinedValuesInside = (changes: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(changes).map(([field, value]) => [field, withoutUndefined(value)]));

/**
 * The one exactly-once primitive: leases on records-table items, with stale takeover and fencing.
 *
 * Validation claims (one validation per object version), trigger claims (one pipeline start per
 * ClientRequestToken) and run locks (one run per pipeline at a time, held across invocations)
 * are all a lease: `acquire` it, do the work, then `complete`, `fail` or `release` it.
 *
 * Every step is ONE conditional write on one item (`putIfAbsent`, or `update` with `ifEquals`),
 * never a transaction: a single-item condition is atomic on DynamoDB and on dynalite, which has
 * no TransactWriteItems, so the same code is exactly-once in production, in the local cloud
 * and in the in-memory fake. A lost race is an answer (`held`, `false`), not an exception.
 *
 * The fencing token (`fence`) makes takeover safe. A `held` lease whose `expiresAt` passed (its
 * Lambda timed out, or a run's end was never reported), or a `failed` or `released` one, is
 * taken over by an update conditioned on the state, owner and fence that were read, and the
 * new holder gets the next fence. Every later write of the old holder is conditioned on its own
 * fence, so it answers `false` and never overwrites the newer holder's work, even when the old
 * holder wakes up after the takeover. A `completed` lease is never taken over: every later
 * attempt is answered as a duplicate, with the stored `result`.
 *
 * The fence restarts at 1 only when the item itself is gone (its TTL, days after the last
 * holder), so size the TTL well past the longest lease.
 */
export class Leases {
  readonly #records: RecordsRepositoryPort;

  constructor(records: RecordsRepositoryPort) {
    this.#records = records;
  }

  /**
   * Takes the lease at `request.key` for `request.durationMs`, or says who has it.
   *
   * A fresh lease is a `putIfAbsent` with fence 1 and `at` = `now`. A live lease of the same
   * owner is returned as acquired with its fence unchanged (re-entrant: a retry of the same
   * trigger token), without a write. A takeover stores what a fresh acquisition would (the
   * previous holder's payload goes), except `pk`, `sk` and `at`, which it keeps.
   *
   * @throws RangeError when `durationMs` is not positive or the record sets a lease attribute
   * @throws LeaseError when the item at the key is not a lease, or it changed under every attempt
   * @throws ValidationError when the record is malformed
   */
  async acquire(request: AcquireRequest): Promise<Acquisition> {
    assertDuration(request.durationMs);
    assertNoLeaseAttributes(request.record, 'an acquire record');
    const acquiredAt = request.now.toISOString();
    const attributes = {
      state: LeaseState.held,
      owner: request.owner,
      fence: 1,
      acquiredAt,
      expiresAt: addMs(request.now, request.durationMs),
    };
    const fresh = withoutUndefined(prepareRecord({ ...request.record, ...request.key, at: acquiredAt, ...attributes }));
    let mayBeAbsent = true;
    for (let round = 0; round < ACQUIRE_ROUNDS; round++) {
      if (mayBeAbsent && (await this.#records.putIfAbsent(fresh))) {
        return { outcome: 'acquired', lease: leaseFromRecord(fresh) };
      }
      const current = await this.get(request.key);
      // Gone between the write and the read (expired by TTL): create it again.
      mayBeAbsent = current === undefined;
      if (current === undefined) continue;
      const decided = this.#decide(current, request);
      if (decided !== undefined) return decided;
      const taken = await this.#takeOver(current, { ...request.record, ...attributes, fence: current.fence + 1 });
      if (taken !== undefined) return { outcome: 'acquired', lease: taken, previous: current };
    }
    const last = await this.get(request.key);
    const decided = last === undefined ? undefined : this.#decide(last, request);
    if (decided !== undefined) return decided;
    throw new LeaseError(request.key, `changed under each of ${ACQUIRE_ROUNDS} attempts to acquire it`);
  }

  /**
   * Reads a lease (strongly consistent), or `undefined` when there is none.
   *
   * @throws LeaseError when the item at the key is not a lease
   */
  async get(key: LeaseKey): Promise<Lease | undefined> {
    const record = await this.#records.get(key.pk, key.sk);
    return record === undefined ? undefined : leaseFromRecord(record);
  }

  /**
   * Moves a held lease's expiry to `now + durationMs`; `undefined` when it was lost (taken over
   * or settled), else the lease as it now stands.
   *
   * For a long run: a holder that extends before `expiresAt` keeps its fence. An expired lease
   * that nobody took over yet may still be extended: the fence proves no one else acted.
   *
   * @throws RangeError when `durationMs` is not positive
   */
  async extend(lease: Lease, now: Date, durationMs: number): Promise<Lease | undefined> {
    assertDuration(durationMs);
    const expiresAt = addMs(now, durationMs);
    const extended = await this.#records.update(
      lease.key.pk,
      lease.key.sk,
      { expiresAt },
      { ifExists: true, ifEquals: heldBy(lease) },
    );
    return extended
      ? { ...lease, state: LeaseState.held, expiresAt, record: { ...lease.record, expiresAt } }
      : undefined;
  }

  /**
   * Sets payload fields (an `undefined` value removes one) while still the holder, such as the
   * run lock's `executionArn`; `false` when the lease was lost. The `Lease` object passed in is
   * not changed: `get` reads the record as it now stands.
   *
   * @throws RangeError when `changes` is empty, or touches the key or a lease attribute
   */
  async annotate(lease: Lease, changes: Record<string, unknown>): Promise<boolean> {
    assertNoLeaseAttributes(changes, 'annotate');
    if (Object.hasOwn(changes, 'at')) throw new RangeError('annotate cannot change "at"');
    return this.#records.update(lease.key.pk, lease.key.sk, withoutUndefinedValuesInside(changes), {
      ifExists: true,
      ifEquals: heldBy(lease),
    });
  }

  /**
   * Marks the work done, with what a duplicate should answer; `false` when the lease was lost,
   * in which case the caller's work may be superseded and must not be reported as the outcome.
   */
  async complete(lease: Lease, now: Date, result?: Record<string, unknown>): Promise<boolean> {
    return this.#settle(lease, {
      state: LeaseState.completed,
      settledAt: now.toISOString(),
      result: result === undefined ? undefined : withoutUndefined(result),
    });
  }

  /**
   * Marks the work failed, so the next attempt takes the lease over at once; `false` when the
   * lease was lost. The error's name and message (at most 500 characters) are kept.
   */
  async fail(lease: Lease, now: Date, error: unknown): Promise<boolean> {
    return this.#settle(lease, {
      state: LeaseState.failed,
      settledAt: now.toISOString(),
      failure: describeFailure(error),
    });
  }

  /**
   * Gives the lease up without a result (nothing to do, or a run lock whose run ended), so the
   * next attempt takes it over at once; `false` when the lease was lost.
   *
   * An update, not a delete: the function needs no `dynamodb:DeleteItem`, the record stays as
   * an audit trail and the fence keeps growing; the TTL removes it. A `reason` is stored as
   * `failure: { name: 'LeaseReleased', message: reason }`.
   */
  async release(lease: Lease, now: Date, reason?: string): Promise<boolean> {
    return this.#settle(lease, {
      state: LeaseState.released,
      settledAt: now.toISOString(),
      failure:
        reason === undefined ? undefined : { name: 'LeaseReleased', message: reason.slice(0, FAILURE_MESSAGE_LIMIT) },
    });
  }

  #settle(lease: Lease, changes: Record<string, unknown>): Promise<boolean> {
    return this.#records.update(lease.key.pk, lease.key.sk, changes, { ifExists: true, ifEquals: heldBy(lease) });
  }

  /** The answer for a lease that is there, or `undefined` when it may be taken over. */
  #decide(current: Lease, request: AcquireRequest): Acquisition | undefined {
    if (current.state === LeaseState.completed) return { outcome: 'completed', lease: current };
    if (current.state !== LeaseState.held || Date.parse(current.expiresAt) <= request.now.getTime()) return undefined;
    return current.owner === request.owner
      ? { outcome: 'acquired', lease: current }
      : { outcome: 'held', lease: current };
  }

  /**
   * Replaces the lease with the next holder's, conditioned on the state, owner and fence read;
   * the new lease, or `undefined` when another owner got there first (or the record vanished).
   */
  async #takeOver(current: Lease, fields: Record<string, unknown>): Promise<Lease | undefined> {
    const next: FleetRecord = withoutUndefined(
      prepareRecord({ ...(fields as FleetRecord), ...current.key, at: current.record.at }),
    );
    const changes: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(next)) if (!KEPT_ON_TAKEOVER.has(field)) changes[field] = value;
    for (const field of Object.keys(current.record)) if (!Object.hasOwn(next, field)) changes[field] = undefined;
    const taken = await this.#records.update(current.key.pk, current.key.sk, changes, {
      ifExists: true,
      ifEquals: { state: current.state, owner: current.owner, fence: current.fence },
    });
    return taken ? leaseFromRecord(next) : undefined;
  }
}
