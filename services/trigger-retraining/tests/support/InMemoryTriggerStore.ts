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
} from '../../src/app/ports.js';

/** A TriggerStore in memory, with the same conditional semantics as the records table. */
export class InMemoryTriggerStore implements TriggerStore {
  readonly claims = new Map<string, TriggerClaim>();
  readonly decisions: TriggerDecision[] = [];
  readonly executions = new Map<string, ExecutionPointer & { executionStatus?: string }>();
  readonly pending = new Map<string, PendingLandings>();
  readonly executionStatuses: { decisionId: string; status: string; failure?: ExecutionFailure }[] = [];
  /** Run locks by lower-case SageMaker pipeline name, as the records table keys them. */
  readonly locks = new Map<string, RunLock>();

  async putClaim(claim: TriggerClaim): Promise<boolean> {
    if (this.claims.has(claim.token)) return false;
    this.claims.set(claim.token, { ...claim });
    return true;
  }

  async getClaim(token: string): Promise<TriggerClaim | undefined> {
    const claim = this.claims.get(token);
    return claim === undefined ? undefined : { ...claim };
  }

  async takeOverClaim(claim: TriggerClaim, expected: Pick<TriggerClaim, 'status' | 'claimedAt'>): Promise<boolean> {
    const current = this.claims.get(claim.token);
    if (current?.status !== expected.status || current.claimedAt !== expected.claimedAt) return false;
    this.claims.set(claim.token, { ...claim });
    return true;
  }

  async settleClaim(
    token: string,
    status: Exclude<ClaimStatus, 'claimed'>,
    details: Pick<TriggerClaim, 'decisionId' | 'executionArn'>,
  ): Promise<void> {
    const current = this.claims.get(token);
    if (current !== undefined) this.claims.set(token, { ...current, ...details, status });
  }

  async recordDecision(decision: TriggerDecision): Promise<void> {
    this.decisions.push(decision);
  }

  async lastStartAt(pipeline: string, since: Date): Promise<Date | undefined> {
    const starts = this.decisions
      .filter((d) => d.pipeline === pipeline && d.decision === 'started' && Date.parse(d.at) >= since.getTime())
      .map((d) => Date.parse(d.at));
    return starts.length === 0 ? undefined : new Date(Math.max(...starts));
  }

  async putExecution(pointer: ExecutionPointer): Promise<void> {
    if (!this.executions.has(pointer.executionArn)) this.executions.set(pointer.executionArn, { ...pointer });
  }

  async getExecution(executionArn: string): Promise<ExecutionPointer | undefined> {
    const pointer = this.executions.get(executionArn);
    return pointer === undefined ? undefined : { ...pointer };
  }

  async settleExecution(
    executionArn: string,
    outcome: Exclude<ExecutionOutcome, 'pending'>,
    at: string,
  ): Promise<boolean> {
    const pointer = this.executions.get(executionArn);
    if (pointer?.outcome !== 'pending') return false;
    this.executions.set(executionArn, { ...pointer, outcome, endedAt: at });
    return true;
  }

  async reopenExecution(executionArn: string, outcome: Exclude<ExecutionOutcome, 'pending'>): Promise<void> {
    const pointer = this.executions.get(executionArn);
    if (pointer?.outcome === outcome) this.executions.set(executionArn, { ...pointer, outcome: 'pending' });
  }

  async recordExecutionStatus(
    pointer: ExecutionPointer,
    status: string,
    _at: string,
    failure?: ExecutionFailure,
  ): Promise<void> {
    this.executionStatuses.push({ decisionId: pointer.decisionId, status, failure });
  }

  async getPending(pipeline: string, prefix: string): Promise<PendingLandings | undefined> {
    const pending = this.pending.get(`${pipeline}#${prefix}`);
    return pending === undefined ? undefined : structuredClone(pending);
  }

  async putPending(pending: PendingLandings): Promise<void> {
    this.pending.set(`${pending.pipeline}#${pending.prefix}`, structuredClone(pending));
  }

  async markLandingsConsumed(pipeline: string, prefix: string, lastLanding: string): Promise<boolean> {
    const pending = this.pending.get(`${pipeline}#${prefix}`);
    if (pending?.lastLanding.triggerId !== lastLanding) return false;
    pending.consumedLanding = lastLanding;
    return true;
  }

  async putRunLock(lock: RunLock): Promise<boolean> {
    const name = lock.pipelineName.toLowerCase();
    if (this.locks.has(name)) return false;
    this.locks.set(name, { ...lock });
    return true;
  }

  async getRunLock(pipelineName: string): Promise<RunLock | undefined> {
    const lock = this.locks.get(pipelineName.toLowerCase());
    return lock === undefined ? undefined : { ...lock };
  }

  async takeOverRunLock(lock: RunLock, expected: Pick<RunLock, 'status' | 'token' | 'acquiredAt'>): Promise<boolean> {
    const name = lock.pipelineName.toLowerCase();
    const current = this.locks.get(name);
    if (
      current?.status !== expected.status ||
      current.token !== expected.token ||
      current.acquiredAt !== expected.acquiredAt
    ) {
      return false;
    }
    this.locks.set(name, { ...lock });
    return true;
  }

  async noteRunLockExecution(pipelineName: string, token: string, executionArn: string): Promise<boolean> {
    const name = pipelineName.toLowerCase();
    const current = this.locks.get(name);
    if (current?.status !== 'held' || current.token !== token) return false;
    this.locks.set(name, { ...current, executionArn });
    return true;
  }

  async releaseRunLock(pipelineName: string, token: string, at: string): Promise<boolean> {
    const name = pipelineName.toLowerCase();
    const current = this.locks.get(name);
    if (current?.status !== 'held' || current.token !== token) return false;
    this.locks.set(name, { ...current, status: 'released', releasedAt: at });
    return true;
  }
}
