import { eventKey, FleetMetric, reportHandledFailure } from '@fleet/shared';
import type { ApprovalPorts } from './ApprovalPorts.js';
import type { ApprovalRequest } from './records.js';

/** The message the state machine publishes to the approvals topic (see serverless.yml). */
export type ApprovalRequestMessage = Omit<ApprovalRequest, 'closedAs'>;

/** What handling a request came to. */
export type RequestOutcome = { status: 'requested' | 'duplicate'; approvalId: string };

/**
 * Stores a published request's task token under its approval id, records the pending approval
 * in the model's history and emits `Approval Requested`, once per approval id.
 *
 * A lease on the approval id makes a redelivered SNS message a duplicate; the writes themselves
 * are conditional (`putIfAbsent`), so an attempt that crashed half-way is completed by the retry
 * without writing anything twice. A failure fails the lease and is rethrown, so SNS's retry
 * (then the dead-letter queue) keeps the message.
 */
export const requestApproval = async (
  message: ApprovalRequestMessage,
  ports: Pick<ApprovalPorts, 'store' | 'events' | 'clock' | 'logger' | 'metrics'>,
  options: { owner: string; leaseMs: number },
): Promise<RequestOutcome> => {
  const { store, clock } = ports;
  const acquisition = await store.leases.acquire({
    key: store.requestKey(message.approvalId),
    owner: options.owner,
    now: clock.now(),
    durationMs: options.leaseMs,
    record: { kind: 'idempotency', id: message.approvalId, correlationId: message.correlationId },
  });
  if (acquisition.outcome !== 'acquired') return { status: 'duplicate', approvalId: message.approvalId };
  try {
    await store.putRequest(message);
    await store.putApproval({
      approvalId: message.approvalId,
      at: message.requestedAt,
      correlationId: message.correlationId,
      model: message.model,
      modelPackageArn: message.modelPackageArn,
      modelPackageVersion: message.modelPackageVersion,
      attempt: message.attempt,
      executionArn: message.executionArn,
      state: 'pending',
      metrics: message.metrics,
      championMetrics: message.championMetrics,
      expiresAt: message.expiresAt,
    });
    await ports.events.publish('Approval Requested', {
      correlationId: message.correlationId,
      eventKey: eventKey('Approval Requested', message.approvalId),
      approvalId: message.approvalId,
      model: message.model,
      modelPackageArn: message.modelPackageArn,
      modelPackageVersion: message.modelPackageVersion,
      attempt: message.attempt,
      metrics: message.metrics,
      championMetrics: message.championMetrics,
      expiresAt: message.expiresAt,
    });
    await store.leases.complete(acquisition.lease, clock.now(), { approvalId: message.approvalId });
    ports.metrics.addMetric(FleetMetric.ApprovalsRequested, 'Count', 1);
    return { status: 'requested', approvalId: message.approvalId };
  } catch (error) {
    await store.leases.fail(acquisition.lease, clock.now(), error).catch((failError: unknown) =>
      reportHandledFailure(ports, {
        step: 'ApprovalRequestLeaseFailFailed',
        message: 'could not mark the approval request failed; the retry takes it over when the lease expires',
        correlationId: message.correlationId,
        error: failError,
        details: { approvalId: message.approvalId },
      }),
    );
    throw error;
  }
};
