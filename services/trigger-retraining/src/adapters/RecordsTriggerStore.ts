import {
  type Acquisition,
  type FleetRecord,
  type Lease,
  Leases,
  type PauseSwitch,
  partitionKey,
  type RecordsRepositoryPort,
  readPauseSwitch,
  sortKey,
} from '@fleet/shared';
import type {
  ExecutionFailure,
  ExecutionOutcome,
  ExecutionPointer,
  ModelActivity,
  PendingLandings,
  RunLock,
  RunLockRequest,
  TriggerClaim,
  TriggerClaimRequest,
  TriggerDecision,
  TriggerStore,
} from '../app/ports.js';
import { claimTtlDays, pendingTtlDays, pointerTtlDays, triggerRecordKeys, ttlAfter } from '../app/recordKeys.js';

const LEASE_FIELDS = ['state', 'owner', 'fence', 'acquiredAt', 'expiresAt', 'settledAt', 'result', 'failure'] as const;

const KEY_FIELDS = ['pk', 'sk', 'kind', 'id', 'at', 'gsi1pk', 'gsi1sk', 'ttl'] as const;

/** The payload of a record: everything but its keys and bookkeeping fields. */
const payload = <T>(record: FleetRecord): T => {
  const out: Record<string, unknown> = { ...record };
  for (const field of KEY_FIELDS) delete out[field];
  return out as T;
};

/** A claim or run lock taken over from a holder that failed, released it or let it expire. */
export type LeaseTakeover = { what: 'trigger-claim' | 'run-lock'; lease: Lease; previous: Lease };

/** The payload of a lease's record, without the lease's own attributes. */
const leasePayload = <T>(lease: Lease): T => {
  const out = payload<Record<string, unknown>>(lease.record);
  for (const field of LEASE_FIELDS) delete out[field];
  return out as T;
};

/**
 * The trigger store over the fleet's records table (the shared RecordsRepository).
 *
 * Trigger claims and run locks are leases of the shared `Leases` primitive (one vocabulary of
 * states, conditional writes, stale takeover with a fencing token); this store only chooses
 * their keys, owners, durations and payloads. Claims, pointers, pending landings and run locks
 * are point records outside any history; decisions go into the pipeline's history. Each point
 * record gets an explicit `gsi1sk` in the time form of a sort key, so a correlation Query lists
 * it in time order with the history records.
 */
export class RecordsTriggerStore implements TriggerStore {
  readonly #records: RecordsRepositoryPort;
  readonly #leases: Leases;
  readonly #onTakeover: (takeover: LeaseTakeover) => void;

  /** `onTakeover` hears of every claim or run lock taken over from a failed, released or expired holder. */
  constructor(records: RecordsRepositoryPort, options: { onTakeover?: (takeover: LeaseTakeover) => void } = {}) {
    this.#records = records;
    this.#leases = new Leases(records);
    this.#onTakeover = options.onTakeover ?? (() => undefined);
  }

  #acquired(what: LeaseTakeover['what'], acquisition: Acquisition): boolean {
    if (acquisition.outcome !== 'acquired') return false;
    if (acquisition.previous !== undefined) {
      this.#onTakeover({ what, lease: acquisition.lease, previous: acquisition.previous });
    }
    return true;
  }

  async claimTrigger(claim: TriggerClaimRequest, now: Date, leaseMs: number): Promise<boolean> {
    const { owner, ...fields } = claim;
    const at = now.toISOString();
    const acquisition = await this.#leases.acquire({
      key: triggerRecordKeys.claim(claim.token),
      owner,
      now,
      durationMs: leaseMs,
      record: {
        kind: 'idempotency',
        id: claim.token,
        gsi1sk: sortKey(at, 'idempotency', claim.token),
        ttl: ttlAfter(at, claimTtlDays),
        ...fields,
      },
    });
    return this.#acquired('trigger-claim', acquisition);
  }

  async getClaim(token: string): Promise<TriggerClaim | undefined> {
    const lease = await this.#leases.get(triggerRecordKeys.claim(token));
    if (lease === undefined) return undefined;
    return {
      ...leasePayload<Omit<TriggerClaimRequest, 'owner'>>(lease),
      state: lease.state,
      owner: lease.owner,
      fence: lease.fence,
      acquiredAt: lease.acquiredAt,
      expiresAt: lease.expiresAt,
      ...(lease.result as { decisionId?: string; executionArn?: string } | undefined),
    };
  }

  async completeClaim(
    token: string,
    owner: string,
    now: Date,
    result: { decisionId: string; executionArn?: string },
  ): Promise<boolean> {
    const lease = await this.#heldBy(triggerRecordKeys.claim(token), owner);
    return lease !== undefined && this.#leases.complete(lease, now, result);
  }

  async failClaim(token: string, owner: string, now: Date, error: unknown): Promise<boolean> {
    const lease = await this.#heldBy(triggerRecordKeys.claim(token), owner);
    return lease !== undefined && this.#leases.fail(lease, now, error);
  }

  /** The lease at `key` when `owner` holds it; every write after this is fenced on what was read. */
  async #heldBy(key: { pk: string; sk: string }, owner: string): Promise<Lease | undefined> {
    const lease = await this.#leases.get(key);
    return lease?.state === 'held' && lease.owner === owner ? lease : undefined;
  }

  async recordDecision(decision: TriggerDecision): Promise<void> {
    await this.#records.put({
      ...triggerRecordKeys.decision(decision.pipeline, decision.at, decision.id),
      kind: 'trigger',
      ...decision,
      // The pipeline's history is kept for audit, and a started run's record is its lineage
      // (what it trained on): never expired, whatever a caller passes.
      ttl: undefined,
    });
  }

  async lastStartAt(pipeline: string, since: Date): Promise<Date | undefined> {
    const { pk } = triggerRecordKeys.decision(pipeline, since.toISOString(), 'x');
    const history = await this.#records.history(pk, { newestFirst: true, since: since.toISOString() });
    const last = history.find((record) => record.kind === 'trigger' && record.decision === 'started');
    return last === undefined ? undefined : new Date(last.at);
  }

  async putExecution(pointer: ExecutionPointer): Promise<void> {
    // A retried start returns the same execution: keep the first pointer and its outcome.
    await this.#records.putIfAbsent({
      ...triggerRecordKeys.pointer(pointer.executionArn),
      kind: 'trigger',
      id: pointer.executionArn,
      at: pointer.startedAt,
      gsi1sk: sortKey(pointer.startedAt, 'trigger', `execution-${pointer.decisionId}`),
      ttl: ttlAfter(pointer.startedAt, pointerTtlDays),
      ...pointer,
    });
  }

  async getExecution(executionArn: string): Promise<ExecutionPointer | undefined> {
    const { pk, sk } = triggerRecordKeys.pointer(executionArn);
    const record = await this.#records.get(pk, sk);
    return record === undefined ? undefined : payload<ExecutionPointer>(record);
  }

  settleExecution(executionArn: string, outcome: Exclude<ExecutionOutcome, 'pending'>, at: string): Promise<boolean> {
    const { pk, sk } = triggerRecordKeys.pointer(executionArn);
    return this.#records.update(pk, sk, { outcome, endedAt: at }, { ifExists: true, ifEquals: { outcome: 'pending' } });
  }

  async reopenExecution(executionArn: string, outcome: Exclude<ExecutionOutcome, 'pending'>): Promise<void> {
    const { pk, sk } = triggerRecordKeys.pointer(executionArn);
    await this.#records.update(pk, sk, { outcome: 'pending', endedAt: undefined }, { ifEquals: { outcome } });
  }

  async recordExecutionStatus(
    pointer: ExecutionPointer,
    status: string,
    at: string,
    failure?: ExecutionFailure,
  ): Promise<void> {
    const { pk, sk } = triggerRecordKeys.decision(pointer.pipeline, pointer.decisionAt, pointer.decisionId);
    await this.#records.update(pk, sk, { executionStatus: status, executionEndedAt: at, failure }, { ifExists: true });
  }

  async getPending(pipeline: string, prefix: string): Promise<PendingLandings | undefined> {
    const { pk, sk } = triggerRecordKeys.pending(pipeline, prefix);
    const record = await this.#records.get(pk, sk);
    if (record === undefined) return undefined;
    const { lastLandingId: _, ...rest } = payload<PendingLandings & { lastLandingId?: string }>(record);
    return rest;
  }

  async putPending(pending: PendingLandings): Promise<void> {
    await this.#records.put({
      ...triggerRecordKeys.pending(pending.pipeline, pending.prefix),
      kind: 'idempotency',
      id: `${pending.pipeline}#${pending.prefix}`,
      at: pending.armedAt,
      correlationId: pending.lastLanding.correlationId,
      gsi1sk: sortKey(pending.armedAt, 'idempotency', `debounce-${pending.lastLanding.triggerId}`),
      ttl: ttlAfter(pending.armedAt, pendingTtlDays),
      // Top-level copy of the last landing, for the conditional write of markLandingsConsumed.
      lastLandingId: pending.lastLanding.triggerId,
      ...pending,
    });
  }

  markLandingsConsumed(pipeline: string, prefix: string, lastLanding: string): Promise<boolean> {
    const { pk, sk } = triggerRecordKeys.pending(pipeline, prefix);
    return this.#records.update(
      pk,
      sk,
      { consumedLanding: lastLanding },
      { ifExists: true, ifEquals: { lastLandingId: lastLanding } },
    );
  }

  async acquireRunLock(lock: RunLockRequest, now: Date, durationMs: number): Promise<boolean> {
    const at = now.toISOString();
    const acquisition = await this.#leases.acquire({
      key: triggerRecordKeys.lock(lock.pipelineName),
      owner: lock.token,
      now,
      durationMs,
      record: {
        kind: 'idempotency',
        id: `run-lock-${lock.token}`,
        gsi1sk: sortKey(at, 'idempotency', `run-lock-${lock.token}`),
        ...lock,
      },
    });
    return this.#acquired('run-lock', acquisition);
  }

  async getRunLock(pipelineName: string): Promise<RunLock | undefined> {
    const lease = await this.#leases.get(triggerRecordKeys.lock(pipelineName));
    if (lease === undefined) return undefined;
    return {
      ...leasePayload<RunLockRequest & { executionArn?: string }>(lease),
      state: lease.state,
      fence: lease.fence,
      acquiredAt: lease.acquiredAt,
      expiresAt: lease.expiresAt,
      ...(lease.state === 'released' && lease.settledAt !== undefined ? { releasedAt: lease.settledAt } : {}),
    };
  }

  async noteRunLockExecution(pipelineName: string, token: string, executionArn: string): Promise<boolean> {
    const lease = await this.#heldBy(triggerRecordKeys.lock(pipelineName), token);
    return lease !== undefined && this.#leases.annotate(lease, { executionArn });
  }

  async releaseRunLock(pipelineName: string, token: string, at: string): Promise<boolean> {
    const lease = await this.#heldBy(triggerRecordKeys.lock(pipelineName), token);
    return lease !== undefined && this.#leases.release(lease, new Date(at));
  }

  async modelActivity(model: string, since: Date): Promise<ModelActivity> {
    const history = await this.#records.history(partitionKey('MODEL', model), {
      since: since.toISOString(),
      newestFirst: true,
    });
    const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
    const approval = history.find((record) => record.kind === 'approval');
    const deployment = history.find((record) => record.kind === 'deployment');
    return {
      ...(approval === undefined
        ? {}
        : {
            approval: withoutUndefinedFields({
              at: approval.at,
              state: text(approval.state),
              decision: text(approval.decision),
              decidedAt: text(approval.decidedAt),
              expiresAt: text(approval.expiresAt),
              modelPackageArn: text(approval.modelPackageArn),
            }),
          }),
      ...(deployment === undefined
        ? {}
        : {
            deployment: withoutUndefinedFields({
              at: deployment.at,
              decision: text(deployment.decision),
              modelPackageArn: text(deployment.modelPackageArn),
            }),
          }),
    };
  }

  async pauseSwitches(models: readonly string[]): Promise<PauseSwitch[]> {
    const switches = await Promise.all(models.map((model) => readPauseSwitch(this.#records, model)));
    return switches.filter((s): s is PauseSwitch => s !== undefined);
  }
}

const withoutUndefinedFields = <T extends Record<string, unknown>>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
