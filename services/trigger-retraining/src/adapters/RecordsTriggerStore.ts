import { correlationKey, type FleetRecord, type RecordsRepositoryPort, sortKey } from '@fleet/shared';
import type {
  ClaimStatus,
  ExecutionFailure,
  ExecutionOutcome,
  ExecutionPointer,
  PendingLandings,
  RunLock,
  TriggerClaim,
  TriggerDecision,
  TriggerStore,
} from '../app/ports.js';
import { claimTtlDays, pendingTtlDays, pointerTtlDays, triggerRecordKeys, ttlAfter } from '../app/recordKeys.js';

const KEY_FIELDS = ['pk', 'sk', 'kind', 'id', 'at', 'gsi1pk', 'gsi1sk', 'ttl'] as const;

/** The payload of a record: everything but its keys and bookkeeping fields. */
const payload = <T>(record: FleetRecord): T => {
  const out: Record<string, unknown> = { ...record };
  for (const field of KEY_FIELDS) delete out[field];
  return out as T;
};

/**
 * The trigger store over the fleet's records table (the shared RecordsRepository).
 *
 * Claims, pointers, pending landings and run locks are point records outside any history; decisions go
 * into the pipeline's history. Each point record gets an explicit `gsi1sk` in the time form of
 * a sort key, so a correlation Query lists it in time order with the history records.
 */
export class RecordsTriggerStore implements TriggerStore {
  readonly #records: RecordsRepositoryPort;

  constructor(records: RecordsRepositoryPort) {
    this.#records = records;
  }

  #claimRecord(claim: TriggerClaim): FleetRecord {
    return {
      ...triggerRecordKeys.claim(claim.token),
      kind: 'idempotency',
      id: claim.token,
      at: claim.claimedAt,
      gsi1sk: sortKey(claim.claimedAt, 'idempotency', claim.token),
      ttl: ttlAfter(claim.claimedAt, claimTtlDays),
      ...claim,
    };
  }

  putClaim(claim: TriggerClaim): Promise<boolean> {
    return this.#records.putIfAbsent(this.#claimRecord(claim));
  }

  async getClaim(token: string): Promise<TriggerClaim | undefined> {
    const { pk, sk } = triggerRecordKeys.claim(token);
    const record = await this.#records.get(pk, sk);
    return record === undefined ? undefined : payload<TriggerClaim>(record);
  }

  takeOverClaim(claim: TriggerClaim, expected: Pick<TriggerClaim, 'status' | 'claimedAt'>): Promise<boolean> {
    const { pk, sk, ...fields } = this.#claimRecord(claim);
    // A takeover starts afresh: what the failed attempt recorded goes.
    return this.#records.update(
      pk,
      sk,
      { ...fields, decisionId: undefined, executionArn: undefined },
      { ifEquals: { status: expected.status, claimedAt: expected.claimedAt } },
    );
  }

  async settleClaim(
    token: string,
    status: Exclude<ClaimStatus, 'claimed'>,
    details: Pick<TriggerClaim, 'decisionId' | 'executionArn'>,
  ): Promise<void> {
    const { pk, sk } = triggerRecordKeys.claim(token);
    const changes: Record<string, unknown> = { status };
    if (details.decisionId !== undefined) changes.decisionId = details.decisionId;
    if (details.executionArn !== undefined) changes.executionArn = details.executionArn;
    await this.#records.update(pk, sk, changes, { ifExists: true });
  }

  async recordDecision(decision: TriggerDecision): Promise<void> {
    await this.#records.put({
      ...triggerRecordKeys.decision(decision.pipeline, decision.at, decision.id),
      kind: 'trigger',
      ...decision,
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

  #lockRecord(lock: RunLock): FleetRecord {
    return {
      ...triggerRecordKeys.lock(lock.pipelineName),
      kind: 'idempotency',
      id: `run-lock-${lock.token}`,
      at: lock.acquiredAt,
      // Set here, not left to the repository: a takeover is an update, which fills in nothing.
      gsi1pk: correlationKey(lock.correlationId),
      gsi1sk: sortKey(lock.acquiredAt, 'idempotency', `run-lock-${lock.token}`),
      ...lock,
    };
  }

  putRunLock(lock: RunLock): Promise<boolean> {
    return this.#records.putIfAbsent(this.#lockRecord(lock));
  }

  async getRunLock(pipelineName: string): Promise<RunLock | undefined> {
    const { pk, sk } = triggerRecordKeys.lock(pipelineName);
    const record = await this.#records.get(pk, sk);
    return record === undefined ? undefined : payload<RunLock>(record);
  }

  takeOverRunLock(lock: RunLock, expected: Pick<RunLock, 'status' | 'token' | 'acquiredAt'>): Promise<boolean> {
    const { pk, sk, ...fields } = this.#lockRecord(lock);
    // What the previous holder recorded goes with it.
    return this.#records.update(
      pk,
      sk,
      { ...fields, executionArn: lock.executionArn, releasedAt: undefined },
      { ifExists: true, ifEquals: { status: expected.status, token: expected.token, acquiredAt: expected.acquiredAt } },
    );
  }

  noteRunLockExecution(pipelineName: string, token: string, executionArn: string): Promise<boolean> {
    const { pk, sk } = triggerRecordKeys.lock(pipelineName);
    return this.#records.update(pk, sk, { executionArn }, { ifExists: true, ifEquals: { status: 'held', token } });
  }

  releaseRunLock(pipelineName: string, token: string, at: string): Promise<boolean> {
    const { pk, sk } = triggerRecordKeys.lock(pipelineName);
    return this.#records.update(
      pk,
      sk,
      { status: 'released', releasedAt: at },
      { ifExists: true, ifEquals: { status: 'held', token } },
    );
  }
}
