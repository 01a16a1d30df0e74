import { FleetMetric, type Lease, reportHandledFailure } from '@fleet/shared';
import { classifySendFailure } from '../domain/classifyErrors.js';
import type { ApprovalPorts } from './ApprovalPorts.js';
import type { ApprovalRequest, Decision, DecisionValue } from './records.js';

/** What a decision attempt came to. */
export type DecideOutcome =
  /** This attempt's decision (or the standing one, resent) reached Step Functions. */
  | { status: 'decided'; decision: Decision; resent: boolean }
  /** Someone decided first; nothing changed. */
  | { status: 'already'; decision: Decision }
  /** The approval closed without this decision: expired, superseded, or Step Functions said the wait is over. */
  | { status: 'closed'; closedAs: DecisionValue | 'closed'; at?: string; decision?: Decision }
  /** The decision stands but Step Functions did not take it; a later click or retry sends it again. */
  | { status: 'unsent'; decision: Decision; error: string }
  | { status: 'unknown' };

/** How a decision attempt runs: who it is, how long it may hold the decision lease. */
export type DecideOptions = { owner: string; leaseMs: number };

const DECISION_FIELDS = ['decision', 'decidedBy', 'decidedByName', 'decidedAt', 'reason'] as const;

/** The decision stored in a decision lease's record. */
export const decisionOf = (record: Record<string, unknown>): Decision | undefined =>
  typeof record.decision === 'string' && typeof record.decidedBy === 'string'
    ? (Object.fromEntries(
        DECISION_FIELDS.filter((f) => record[f] !== undefined).map((f) => [f, record[f]]),
      ) as Decision)
    : undefined;

const sameDecision = (a: Decision, b: Decision): boolean => DECISION_FIELDS.every((f) => a[f] === b[f]);

/** The outcome for a lease that someone else settled or holds. */
const settledOutcome = (lease: Lease, proposed: Decision): DecideOutcome => {
  const standing = decisionOf(lease.record) ?? proposed;
  if (lease.result?.outcome === 'closed' || standing.decision === 'expired' || standing.decision === 'superseded') {
    return {
      status: 'closed',
      closedAs: standing.decision === 'expired' || standing.decision === 'superseded' ? standing.decision : 'closed',
      at: standing.decidedAt,
      decision: standing,
    };
  }
  return { status: 'already', decision: standing };
};

/**
 * Takes one decision on an approval exactly once, and sends it to the waiting execution.
 *
 * The decision lease (`APPROVAL#<approvalId>` / `decision`) is the one conditional write that
 * decides: the first attempt to acquire it stores its decision (state `deciding` on the approval
 * record), then answers the task token (`sent`). Every later attempt, by anyone, finds the lease
 * held or completed and changes nothing. When `SendTaskSuccess` fails transiently the lease is
 * failed, not dropped: the decision stands, and the next attempt takes the lease over with the
 * standing decision (never its own) and sends it again. `TaskTimedOut`, `TaskDoesNotExist` or
 * `InvalidToken` mean the wait is over: the approval is recorded `closed` and no other token is
 * ever tried.
 */
export const decideOnce = async (
  request: ApprovalRequest,
  proposed: Decision,
  ports: Pick<ApprovalPorts, 'store' | 'workflow' | 'clock' | 'logger' | 'metrics'>,
  options: DecideOptions,
): Promise<DecideOutcome> => {
  const { store, clock } = ports;
  if (request.closedAs !== undefined)
    return { status: 'closed', closedAs: request.closedAs.decision, at: request.closedAs.at };
  const key = store.decisionKey(request.approvalId);
  const existing = await store.leases.get(key);
  if (existing !== undefined && existing.state === 'completed') return settledOutcome(existing, proposed);
  // A standing decision (its send failed, or its holder died) is resent as it is, whoever clicks now.
  const standing = existing === undefined ? undefined : decisionOf(existing.record);
  const acquisition = await store.leases.acquire({
    key,
    owner: options.owner,
    now: clock.now(),
    durationMs: options.leaseMs,
    record: {
      kind: 'approval',
      id: request.approvalId,
      correlationId: request.correlationId,
      ...(standing ?? proposed),
    },
  });
  if (acquisition.outcome !== 'acquired') return settledOutcome(acquisition.lease, proposed);
  let lease = acquisition.lease;
  let decision = decisionOf(lease.record) ?? proposed;
  // Lost a race to a first decision between the read and the takeover: keep the first one.
  const previous = acquisition.previous === undefined ? undefined : decisionOf(acquisition.previous.record);
  if (previous !== undefined && !sameDecision(previous, decision)) {
    if (!(await store.leases.annotate(lease, { ...previous }))) return settledOutcome(lease, proposed);
    decision = previous;
    lease = { ...lease, record: { ...lease.record, ...previous } };
  }
  const resent = existing !== undefined || acquisition.previous !== undefined;
  await store.updateApproval(request.model, request.requestedAt, request.approvalId, {
    state: 'deciding',
    ...decision,
  });
  try {
    await ports.workflow.sendSuccess(request.taskToken, { ...decision });
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    if (classifySendFailure(error) === 'closed') {
      await store.leases.complete(lease, clock.now(), { ...decision, outcome: 'closed', closedBy: name });
      await store.updateApproval(request.model, request.requestedAt, request.approvalId, { state: 'closed' });
      ports.metrics.addMetric(FleetMetric.ApprovalsClosed, 'Count', 1);
      return { status: 'closed', closedAs: 'closed', decision };
    }
    await store.leases.fail(lease, clock.now(), error);
    reportHandledFailure(ports, {
      step: 'SendTaskSuccessFailed',
      message: 'Step Functions did not take the decision; it stands and is sent again by the next attempt',
      correlationId: request.correlationId,
      error,
      details: { approvalId: request.approvalId, decision: decision.decision },
    });
    return { status: 'unsent', decision, error: name };
  }
  await store.leases.complete(lease, clock.now(), { ...decision, outcome: 'sent' });
  await store.updateApproval(request.model, request.requestedAt, request.approvalId, { state: 'sent' });
  return { status: 'decided', decision, resent };
};
