import { type FleetRecord, type RecordsRepositoryPort, sortKey } from '@fleet/shared';
import type { ObjectVersion } from './ports.js';
import { CLAIM_TTL_DAYS, objectIdentity, ttlAfter, validationId, validationRecordKeys } from './validationKeys.js';

/**
 * The state of a claim: being validated, validated, or free to be taken over (failed, or
 * released because the object was gone).
 */
export type ClaimStatus = 'in-progress' | 'completed' | 'failed' | 'released';

/** What a completed claim remembers of its validation, so a duplicate can answer without redoing it. */
export type ClaimResult = {
  dataset: string;
  verdict: 'validated' | 'rejected';
  rows: number;
  issueCounts: Record<string, number>;
  recordKey: string;
  profileKey?: string;
};

/** The claim record of one object version, as stored. */
export type Claim = FleetRecord & {
  status: ClaimStatus;
  owner: string;
  leaseExpiresAt: string;
  result?: ClaimResult;
};

/** What {@link ValidationClaims.acquire} found. */
export type Acquired =
  | { kind: 'owned'; claim: Claim }
  | { kind: 'completed'; claim: Claim }
  | { kind: 'busy'; claim: Claim };

/**
 * Makes each object version validated once, with one conditional write per step.
 *
 * A claim is written with `putIfAbsent` before anything is read. It holds a lease: when the
 * invocation that holds it dies (a time-out), its retry finds the lease expired and takes the
 * claim over; when it fails cleanly, it marks the claim `failed` so the retry takes it over at
 * once. A takeover keeps the claim's `at`, so the validation record of the retry has the same key
 * and replaces the one an earlier attempt may have written: one record per object version.
 * A completed claim turns every later delivery into a duplicate that writes and emits nothing.
 */
export class ValidationClaims {
  readonly #records: RecordsRepositoryPort;

  constructor(records: RecordsRepositoryPort) {
    this.#records = records;
  }

  /** Claims an object version for this invocation, or says who has it. */
  async acquire(
    object: ObjectVersion,
    request: { correlationId: string; owner: string; now: Date; leaseMs: number },
  ): Promise<Acquired> {
    const at = request.now.toISOString();
    const leaseExpiresAt = new Date(request.now.getTime() + request.leaseMs).toISOString();
    const keys = validationRecordKeys.claim(object);
    const id = validationId(object);
    const fresh: Claim = {
      ...keys,
      kind: 'idempotency',
      id,
      at,
      correlationId: request.correlationId,
      gsi1sk: sortKey(at, 'idempotency', id),
      ttl: ttlAfter(at, CLAIM_TTL_DAYS),
      object: objectIdentity(object),
      status: 'in-progress',
      owner: request.owner,
      leaseExpiresAt,
    };
    // Two rounds: a claim can vanish (expired by TTL) between the write and the read.
    for (let round = 0; round < 2; round++) {
      if (await this.#records.putIfAbsent(fresh)) return { kind: 'owned', claim: fresh };
      const current = (await this.#records.get(keys.pk, keys.sk)) as Claim | undefined;
      if (current === undefined) continue;
      if (current.status === 'completed') return { kind: 'completed', claim: current };
      const abandoned = current.status !== 'in-progress' || Date.parse(current.leaseExpiresAt) <= request.now.getTime();
      if (!abandoned) return { kind: 'busy', claim: current };
      const takenOver = await this.#records.update(
        keys.pk,
        keys.sk,
        {
          status: 'in-progress',
          owner: request.owner,
          leaseExpiresAt,
          correlationId: request.correlationId,
          failure: undefined,
        },
        { ifEquals: { status: current.status, owner: current.owner } },
      );
      if (takenOver) {
        return {
          kind: 'owned',
          claim: {
            ...current,
            status: 'in-progress',
            owner: request.owner,
            leaseExpiresAt,
            correlationId: request.correlationId,
          },
        };
      }
    }
    const current = (await this.#records.get(keys.pk, keys.sk)) as Claim | undefined;
    return current?.status === 'completed'
      ? { kind: 'completed', claim: current }
      : { kind: 'busy', claim: current ?? fresh };
  }

  /** Marks the claim validated; `false` when another invocation took it over meanwhile. */
  complete(claim: Claim, result: ClaimResult, now: Date): Promise<boolean> {
    return this.#records.update(
      claim.pk,
      claim.sk,
      { status: 'completed', completedAt: now.toISOString(), result },
      { ifEquals: { owner: claim.owner, status: 'in-progress' } },
    );
  }

  /** Marks the claim failed, so the next delivery takes it over at once. */
  fail(claim: Claim, error: unknown): Promise<boolean> {
    const failure =
      error instanceof Error
        ? { name: error.name, message: error.message.slice(0, 500) }
        : { name: 'Error', message: String(error).slice(0, 500) };
    return this.#records.update(
      claim.pk,
      claim.sk,
      { status: 'failed', failure },
      { ifEquals: { owner: claim.owner, status: 'in-progress' } },
    );
  }

  /**
   * Gives the claim up without a result: the object version was gone, so there is nothing to
   * record, and a later delivery may look again. An update, not a delete, so the function needs
   * no `dynamodb:DeleteItem`; the TTL removes the claim.
   */
  release(claim: Claim, reason: string): Promise<boolean> {
    return this.#records.update(
      claim.pk,
      claim.sk,
      { status: 'released', failure: { name: 'ObjectUnavailableError', message: reason.slice(0, 500) } },
      { ifEquals: { owner: claim.owner, status: 'in-progress' } },
    );
  }
}
