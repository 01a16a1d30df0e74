import type { ApprovalPorts } from './ApprovalPorts.js';
import { announceDecision } from './announceDecision.js';
import type { CurrentApproval, Decision } from './records.js';

/** Who closes an approval that a newer package replaced. */
export const SUPERSEDED_BY = 'fleet:supersede';

/** How long the superseding holds the old approval's decision lease while it stops the execution. */
const SUPERSEDE_LEASE_MS = 60_000;

/**
 * Closes the model's older approval as `superseded` when a newer package arrives, unless it was
 * decided already.
 *
 * It takes the older approval's decision lease (the one a click would take), so a click and the
 * superseding cannot both win; then it stops the older execution, closes its request (a later
 * click answers "superseded"), records it and emits `Approval Decided` with `superseded`.
 * Returns the superseded approval id, or `undefined` when there was nothing to supersede.
 */
export const supersede = async (
  current: CurrentApproval,
  by: { modelPackageArn: string; modelPackageVersion: number },
  ports: Pick<ApprovalPorts, 'store' | 'workflow' | 'events' | 'clock' | 'metrics'>,
): Promise<string | undefined> => {
  const { store, clock } = ports;
  const now = clock.now();
  const decision: Decision = {
    decision: 'superseded',
    decidedBy: SUPERSEDED_BY,
    decidedAt: now.toISOString(),
    reason: `superseded by version ${by.modelPackageVersion} (${by.modelPackageArn})`,
  };
  const acquisition = await store.leases.acquire({
    key: store.decisionKey(current.approvalId),
    owner: SUPERSEDED_BY,
    now,
    durationMs: SUPERSEDE_LEASE_MS,
    record: { kind: 'approval', id: current.approvalId, correlationId: current.correlationId, ...decision },
  });
  if (acquisition.outcome !== 'acquired') return undefined;
  await ports.workflow.stop(current.executionArn, decision.reason);
  await store.leases.complete(acquisition.lease, clock.now(), { ...decision, outcome: 'closed' });
  await store.closeRequest(current.approvalId, { decision: 'superseded', at: decision.decidedAt });
  const request = await store.getRequest(current.approvalId);
  const closed = { state: 'closed' as const, ...decision };
  if (request === undefined) {
    // Superseded before anyone was asked: the history still shows the attempt.
    await store.putApproval({
      approvalId: current.approvalId,
      at: decision.decidedAt,
      correlationId: current.correlationId,
      model: current.model,
      modelPackageArn: current.modelPackageArn,
      modelPackageVersion: current.modelPackageVersion,
      attempt: current.attempt,
      executionArn: current.executionArn,
      metrics: {},
      championMetrics: null,
      expiresAt: null,
      ...closed,
    });
  } else {
    await store.updateApproval(request.model, request.requestedAt, request.approvalId, closed);
  }
  await announceDecision(
    {
      approvalId: current.approvalId,
      correlationId: current.correlationId,
      model: current.model,
      modelPackageArn: current.modelPackageArn,
      modelPackageVersion: current.modelPackageVersion,
      attempt: current.attempt,
      metrics: request?.metrics ?? {},
      championMetrics: request?.championMetrics ?? null,
      expiresAt: request?.expiresAt ?? null,
      decision,
    },
    ports,
  );
  return current.approvalId;
};
