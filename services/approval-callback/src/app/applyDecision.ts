import { approvalDescription } from '../domain/approvalDescription.js';
import type { ApprovalExecutionInput } from './ApprovalExecution.js';
import type { ApprovalPorts } from './ApprovalPorts.js';
import { announceDecision } from './announceDecision.js';
import type { Comparison } from './compare.js';
import type { Decision } from './records.js';

/** Who rejects a challenger the quality gate stopped. */
export const QUALITY_GATE = 'fleet:quality-gate';

/** How long the gate holds the decision lease while it records its rejection. */
const GATE_LEASE_MS = 60_000;

/** The state the Apply task receives: the execution's input, the comparison and the decision. */
export type ApplyInput = ApprovalExecutionInput & {
  comparison: Comparison;
  decision: Decision & { decision: 'approved' | 'rejected' };
};

/** What Apply hands on: the decision and the description the package got. */
export type ApplyOutput = { decision: 'approved' | 'rejected'; description: string };

/**
 * Applies a decision to the Model Registry (`UpdateModelPackage` with the status and an
 * `ApprovalDescription` naming who, where, when and the numbers), records it in the model's
 * history and emits `Approval Decided`.
 *
 * Safe to run again (the state machine retries it on transient SageMaker errors): the update
 * sets the same status, the record is updated in place and the event keeps its `eventKey`.
 * A quality-gate rejection, which nobody was asked about, also takes the approval's decision
 * lease and gets an approval record, so a stray click and the history treat it like any decision.
 */
export const applyDecision = async (
  input: ApplyInput,
  ports: Pick<ApprovalPorts, 'store' | 'registry' | 'events' | 'clock' | 'metrics'>,
): Promise<ApplyOutput> => {
  const { store } = ports;
  const { decision, comparison } = input;
  if (decision.decidedBy === QUALITY_GATE) {
    const acquisition = await store.leases.acquire({
      key: store.decisionKey(input.approvalId),
      owner: QUALITY_GATE,
      now: ports.clock.now(),
      durationMs: GATE_LEASE_MS,
      record: { kind: 'approval', id: input.approvalId, correlationId: input.correlationId, ...decision },
    });
    if (acquisition.outcome === 'acquired') {
      await store.leases.complete(acquisition.lease, ports.clock.now(), { ...decision, outcome: 'applied' });
    }
  }
  // The gate's reason states both numbers itself, so a gate rejection does not repeat them.
  const byGate = decision.decidedBy === QUALITY_GATE;
  const description = approvalDescription({
    ...decision,
    metric: comparison.metric,
    challenger: byGate ? undefined : comparison.challenger,
    champion: comparison.champion?.value,
    reason: byGate ? comparison.gate.reason : undefined,
  });
  await ports.registry.setStatus(
    input.modelPackageArn,
    decision.decision === 'approved' ? 'Approved' : 'Rejected',
    description,
  );
  const appliedAt = ports.clock.now().toISOString();
  const request = await store.getRequest(input.approvalId);
  if (request === undefined) {
    await store.putApproval({
      approvalId: input.approvalId,
      at: decision.decidedAt,
      correlationId: input.correlationId,
      model: input.model,
      modelPackageArn: input.modelPackageArn,
      modelPackageVersion: input.modelPackageVersion,
      attempt: input.attempt,
      state: 'closed',
      metrics: comparison.metrics,
      championMetrics: comparison.championMetrics,
      expiresAt: null,
      ...decision,
      description,
      appliedAt,
    });
  } else {
    await store.updateApproval(request.model, request.requestedAt, request.approvalId, {
      ...decision,
      description,
      appliedAt,
    });
  }
  await announceDecision(
    {
      approvalId: input.approvalId,
      correlationId: input.correlationId,
      model: input.model,
      modelPackageArn: input.modelPackageArn,
      modelPackageVersion: input.modelPackageVersion,
      attempt: input.attempt,
      metrics: comparison.metrics,
      championMetrics: comparison.championMetrics,
      expiresAt: request === undefined ? null : request.expiresAt,
      decision,
    },
    ports,
  );
  return { decision: decision.decision, description };
};
