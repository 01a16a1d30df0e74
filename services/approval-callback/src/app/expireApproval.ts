import type { LoadedFleetConfig } from '@fleet/shared';
import { approvalDescription } from '../domain/approvalDescription.js';
import type { ApprovalExecutionInput } from './ApprovalExecution.js';
import type { ApprovalPorts } from './ApprovalPorts.js';
import { announceDecision } from './announceDecision.js';
import type { Comparison } from './compare.js';
import { settingsOf } from './modelSettings.js';
import type { Decision } from './records.js';

/** Who closes an approval nobody answered in time. */
export const TIMEOUT = 'fleet:timeout';

const EXPIRE_LEASE_MS = 60_000;

/** The state the Expire task receives: the execution's input and the comparison. */
export type ExpireInput = ApprovalExecutionInput & { comparison: Comparison };

/** What Expire hands on. */
export type ExpireOutput = { decision: 'expired'; packageStatus: 'PendingManualApproval' | 'Rejected' };

/**
 * Closes an approval whose wait timed out (`States.Timeout`): the decision lease and the request
 * say `expired` (a later click answers "expired"), the record is closed, the package stays
 * pending or is rejected as `onTimeout` says, and `Approval Decided` says `expired`.
 *
 * Safe to run again: every write is conditional or idempotent and the event keeps its `eventKey`.
 */
export const expireApproval = async (
  input: ExpireInput,
  config: Pick<LoadedFleetConfig, 'models'>,
  ports: Pick<ApprovalPorts, 'store' | 'registry' | 'events' | 'clock' | 'metrics'>,
): Promise<ExpireOutput> => {
  const { store, clock } = ports;
  const { approval } = settingsOf(config, input.model);
  const now = clock.now().toISOString();
  const decision: Decision = {
    decision: 'expired',
    decidedBy: TIMEOUT,
    decidedAt: now,
    reason: `no decision within ${approval.timeoutHours} h; the package ${approval.onTimeout === 'reject' ? 'is rejected' : 'stays pending'}`,
  };
  const acquisition = await store.leases.acquire({
    key: store.decisionKey(input.approvalId),
    owner: TIMEOUT,
    now: clock.now(),
    durationMs: EXPIRE_LEASE_MS,
    record: { kind: 'approval', id: input.approvalId, correlationId: input.correlationId, ...decision },
  });
  if (acquisition.outcome === 'acquired') {
    await store.leases.complete(acquisition.lease, clock.now(), { ...decision, outcome: 'closed' });
  }
  await store.closeRequest(input.approvalId, { decision: 'expired', at: now });
  const request = await store.getRequest(input.approvalId);
  if (request === undefined) {
    await store.putApproval({
      approvalId: input.approvalId,
      at: now,
      correlationId: input.correlationId,
      model: input.model,
      modelPackageArn: input.modelPackageArn,
      modelPackageVersion: input.modelPackageVersion,
      attempt: input.attempt,
      state: 'closed',
      metrics: input.comparison.metrics,
      championMetrics: input.comparison.championMetrics,
      expiresAt: input.comparison.expiresAt,
      ...decision,
    });
  } else {
    await store.updateApproval(request.model, request.requestedAt, request.approvalId, {
      state: 'closed',
      ...decision,
    });
  }
  if (approval.onTimeout === 'reject') {
    const description = approvalDescription({
      ...decision,
      metric: input.comparison.metric,
      challenger: input.comparison.challenger,
      champion: input.comparison.champion?.value,
      reason: decision.reason,
    });
    await ports.registry.setStatus(input.modelPackageArn, 'Rejected', description);
  }
  await announceDecision(
    {
      approvalId: input.approvalId,
      correlationId: input.correlationId,
      model: input.model,
      modelPackageArn: input.modelPackageArn,
      modelPackageVersion: input.modelPackageVersion,
      attempt: input.attempt,
      metrics: input.comparison.metrics,
      championMetrics: input.comparison.championMetrics,
      expiresAt: request?.expiresAt ?? input.comparison.expiresAt,
      decision,
    },
    ports,
  );
  return { decision: 'expired', packageStatus: approval.onTimeout === 'reject' ? 'Rejected' : 'PendingManualApproval' };
};
