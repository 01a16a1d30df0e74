import { type Acquisition, type Lease, Leases, type RecordsRepositoryPort, sortKey } from '@fleet/shared';
import type { ObjectVersion } from './ports.js';
import { CLAIM_TTL_DAYS, objectIdentity, ttlAfter, validationId, validationRecordKeys } from './validationKeys.js';

/** What a completed claim remembers of its validation, so a duplicate can answer without redoing it. */
export type ClaimResult = {
  dataset: string;
  verdict: 'validated' | 'rejected';
  rows: number;
  issueCounts: Record<string, number>;
  recordKey: string;
  profileKey?: string;
};

/**
 * The claim of one object version: a lease of the shared `Leases` (states `held`, `completed`,
 * `failed`, `released`) on the item `IDEMPOTENCY#validation#<bucket>/<key>/<version>` / `claim`.
 */
export type Claim = Lease;

/**
 * Makes each object version validated once: the validation claim, a lease per object version.
 *
 * The claim is acquired before anything is read, for as long as the invocation may run (the
 * Lambda's remaining time), so when the invocation dies by time-out its retry finds the lease
 * expired and takes it over with the next fence; when it fails cleanly, it marks the claim
 * `failed` so the retry takes it over at once. A takeover keeps the claim's `at`, so the
 * validation record of the retry has the same key and replaces the one an earlier attempt may
 * have written: one record per object version. A `completed` claim turns every later delivery
 * into a duplicate that writes and emits nothing. Every write after the acquisition is fenced:
 * a holder that was taken over gets `false` instead of overwriting its successor's claim.
 */
export class ValidationClaims {
  readonly #leases: Leases;

  constructor(records: RecordsRepositoryPort) {
    this.#leases = new Leases(records);
  }

  /** Claims an object version for this invocation for `leaseMs`, or says who has it or that it is done. */
  acquire(
    object: ObjectVersion,
    request: { correlationId: string; owner: string; now: Date; leaseMs: number },
  ): Promise<Acquisition> {
    const at = request.now.toISOString();
    const id = validationId(object);
    return this.#leases.acquire({
      key: validationRecordKeys.claim(object),
      owner: request.owner,
      now: request.now,
      durationMs: request.leaseMs,
      record: {
        kind: 'idempotency',
        id,
        correlationId: request.correlationId,
        gsi1sk: sortKey(at, 'idempotency', id),
        ttl: ttlAfter(at, CLAIM_TTL_DAYS),
        object: objectIdentity(object),
      },
    });
  }

  /** Marks the claim completed with what a duplicate answers; `false` when another invocation took it over. */
  complete(claim: Claim, result: ClaimResult, now: Date): Promise<boolean> {
    return this.#leases.complete(claim, now, result);
  }

  /** Marks the claim failed, so the next delivery takes it over at once; `false` when it was taken over. */
  fail(claim: Claim, error: unknown, now: Date): Promise<boolean> {
    return this.#leases.fail(claim, now, error);
  }

  /**
   * Gives the claim up without a result: the object version was gone, so there is nothing to
   * record, and a later delivery may look again. An update, not a delete, so the function needs
   * no `dynamodb:DeleteItem`; the TTL removes the claim.
   */
  release(claim: Claim, reason: string, now: Date): Promise<boolean> {
    return this.#leases.release(claim, now, reason);
  }
}
