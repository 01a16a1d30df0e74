import { FleetMetric, reportHandledFailure } from '@fleet/shared';
import { approvalIdFor } from '../domain/approvalId.js';
import { executionName } from '../domain/executionName.js';
import type { ApprovalExecutionInput } from './ApprovalExecution.js';
import type { ApprovalPorts } from './ApprovalPorts.js';
import type { ModelApprovalSettings } from './modelSettings.js';
import { supersede } from './supersede.js';

/** One attempt of one package to begin. */
export type BeginRequest = {
  settings: ModelApprovalSettings;
  modelPackageArn: string;
  modelPackageVersion: number;
  attempt: number;
  correlationId: string;
  /** Who begins it: the invocation (its request id), so a second delivery is held off. */
  owner: string;
  leaseMs: number;
};

/** What beginning an approval came to. */
export type BeginOutcome =
  | { status: 'started'; approvalId: string; executionArn: string; attempt: number; superseded?: string }
  | { status: 'duplicate'; approvalId: string; executionArn?: string }
  | { status: 'ignored'; reason: string };

/**
 * Starts the approval execution of one package attempt, exactly once (a lease on the package
 * ARN and attempt), after superseding an older pending approval of the same model.
 *
 * A duplicate of a started attempt (SageMaker's several events per change, EventBridge's
 * redeliveries, the fleet's own updates of a pending package) finds the lease completed or held
 * and starts nothing. The execution name is deterministic too, so even a start that runs twice
 * gets the same execution back. A failure fails the lease, so Lambda's retry takes it over.
 */
export const beginApproval = async (
  request: BeginRequest,
  ports: Pick<ApprovalPorts, 'store' | 'workflow' | 'events' | 'clock' | 'logger' | 'metrics'>,
): Promise<BeginOutcome> => {
  const { settings, modelPackageArn, modelPackageVersion, attempt, correlationId } = request;
  const { store, clock } = ports;
  const approvalId = approvalIdFor(modelPackageArn, attempt);
  const now = clock.now();
  const acquisition = await store.leases.acquire({
    key: store.startKey(modelPackageArn, attempt),
    owner: request.owner,
    now,
    durationMs: request.leaseMs,
    record: { kind: 'idempotency', id: approvalId, correlationId, model: settings.model, modelPackageArn, attempt },
  });
  if (acquisition.outcome !== 'acquired') {
    return {
      status: 'duplicate',
      approvalId,
      executionArn: acquisition.lease.result?.executionArn as string | undefined,
    };
  }
  const lease = acquisition.lease;
  try {
    const current = await store.getCurrent(settings.model);
    const other = current !== undefined && current.modelPackageArn !== modelPackageArn ? current : undefined;
    if (other !== undefined && other.modelPackageVersion > modelPackageVersion) {
      const reason = `version ${modelPackageVersion} is older than version ${other.modelPackageVersion}, already in approval`;
      await store.leases.complete(lease, clock.now(), { ignored: reason });
      return { status: 'ignored', reason };
    }
    const superseded =
      other === undefined ? undefined : await supersede(other, { modelPackageArn, modelPackageVersion }, ports);
    const input: ApprovalExecutionInput = {
      model: settings.model,
      modelPackageGroup: settings.modelPackageGroup,
      modelPackageArn,
      modelPackageVersion,
      attempt,
      approvalId,
      correlationId,
    };
    const { executionArn } = await ports.workflow.start(
      executionName(settings.model, modelPackageVersion, attempt),
      input,
    );
    await store.putCurrent({ ...input, executionArn, startedAt: now.toISOString() });
    await store.leases.complete(lease, clock.now(), { executionArn, approvalId });
    ports.metrics.addMetric(FleetMetric.ApprovalsStarted, 'Count', 1);
    return { status: 'started', approvalId, executionArn, attempt, ...(superseded ? { superseded } : {}) };
  } catch (error) {
    const failed = await store.leases.fail(lease, clock.now(), error).catch((failError: unknown) => {
      reportHandledFailure(ports, {
        step: 'ApprovalStartLeaseFailFailed',
        message: 'could not mark the approval start failed; the retry takes it over when the lease expires',
        correlationId,
        error: failError,
        details: { modelPackageArn, attempt },
      });
      return true;
    });
    if (!failed)
      ports.logger.warn('the approval start lease was taken over meanwhile', { correlationId, modelPackageArn });
    throw error;
  }
};
