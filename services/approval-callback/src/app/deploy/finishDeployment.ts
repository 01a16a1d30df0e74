import {
  type DeploymentFailureCodeValue,
  deploymentFailureSeverity,
  eventKey,
  FleetMetric,
  LeaseState,
  type LoadedFleetConfig,
  reportHandledFailure,
} from '@fleet/shared';
import { APPROVAL_DESCRIPTION_LIMIT } from '../../domain/approvalDescription.js';
import { deploymentResourceName } from '../../domain/deployment/deploymentNames.js';
import type { DeploymentPorts } from './DeploymentPorts.js';
import type { DeploymentRecord } from './DeploymentRecord.js';
import type { DeploymentTaskInput } from './DeploymentState.js';
import { deploymentSettingsOf } from './deploymentSettings.js';
import { type DeploymentVerdict, deploymentVerdict } from './deploymentVerdict.js';
import { rollbackFields } from './rollbackFields.js';

/** The prefix of the `ApprovalDescription` a rolled-back package gets. */
export const ROLLED_BACK_PREFIX = 'rolled back:';

/**
 * Ends a deployment, whatever it came to, and says so: the deployment record in the model's
 * history, then `Model Deployed` for a deployment serving on its new configuration, else
 * `Deployment Failed` with the `failure.code` and the severity `deploymentFailureSeverity` gives.
 * A rolled-back package is set `Rejected` with an `ApprovalDescription` starting "rolled back:",
 * so it never becomes the champion (not when the deployment was an operator's rollback to a
 * package that served before). A rollback's record also carries `trigger: 'rollback'`, who
 * asked, why, and the package it replaced. The endpoint's lease is released when this deployment holds it
 * (best effort: a release that fails is reported, and the lease expires at the deployment's maximum).
 *
 * Safe to run again (the state machine retries it): the record is written once (its time is when
 * the lease was taken), the registry gets the same status, and the event keeps its `eventKey`.
 *
 * @throws UnknownDeploymentModelError when the model has no deployment section
 */
export const finishDeployment = async (
  input: DeploymentTaskInput,
  config: Pick<LoadedFleetConfig, 'models'>,
  ports: Pick<DeploymentPorts, 'store' | 'registry' | 'events' | 'clock' | 'logger' | 'metrics'>,
): Promise<DeploymentVerdict> => {
  const { deployment } = deploymentSettingsOf(config, input.model);
  const verdict = deploymentVerdict(input);
  const now = ports.clock.now().toISOString();
  const name = deploymentResourceName(deployment.endpointName, input.modelPackageVersion);
  const plan = input.deployment?.outcome === 'none' ? undefined : input.deployment;
  const record: DeploymentRecord = {
    deploymentId: input.approvalId,
    at: plan?.startedAt ?? now,
    finishedAt: now,
    correlationId: input.correlationId,
    model: input.model,
    decision: verdict.decision,
    modelPackageArn: input.modelPackageArn,
    modelPackageVersion: input.modelPackageVersion,
    approvalId: input.approvalId,
    endpointName: deployment.endpointName,
    endpointConfigName: plan?.endpointConfigName ?? name,
    variantName: deployment.variantName,
    strategy: deployment.strategy,
    ...(verdict.decision === 'deployed' ? {} : { message: verdict.message }),
    ...rollbackFields(input),
  };
  await ports.store.putDeployment(record);
  // A rollback redeploys a package that served before: SageMaker rolling it back says the endpoint
  // or its alarms are at fault now, not that the package is bad, so the registry is left as it is.
  if (verdict.decision === 'rolled_back' && input.mode !== 'rollback') {
    await ports.registry.setStatus(
      input.modelPackageArn,
      'Rejected',
      `${ROLLED_BACK_PREFIX} ${verdict.message}`.slice(0, APPROVAL_DESCRIPTION_LIMIT),
    );
  }
  const announced = {
    correlationId: input.correlationId,
    model: input.model,
    modelPackageArn: input.modelPackageArn,
    endpointName: deployment.endpointName,
    strategy: deployment.strategy,
  };
  if (verdict.decision === 'deployed') {
    await ports.events.publish('Model Deployed', {
      ...announced,
      eventKey: eventKey('Model Deployed', input.approvalId),
    });
    ports.metrics.addMetric(FleetMetric.DeploymentsSucceeded, 'Count', 1);
  } else {
    const code: DeploymentFailureCodeValue = verdict.decision;
    await ports.events.publish('Deployment Failed', {
      ...announced,
      eventKey: eventKey('Deployment Failed', input.approvalId),
      failure: { code, message: verdict.message.slice(0, 1024) },
      severity: deploymentFailureSeverity(code),
    });
    ports.metrics.addMetric(FleetMetric.DeploymentsFailed, 'Count', 1);
    if (code === 'rolled_back') ports.metrics.addMetric(FleetMetric.DeploymentsRolledBack, 'Count', 1);
  }
  await releaseIfHeld(input, deployment.endpointName, ports).catch((error: unknown) =>
    // The deployment is recorded and announced; the lease expires by itself at the deployment's maximum.
    reportHandledFailure(ports, {
      step: 'DeploymentLeaseReleaseFailed',
      message: 'could not release the endpoint lease; the next deployment waits until it expires',
      correlationId: input.correlationId,
      error,
      details: { endpointName: deployment.endpointName, deploymentId: input.approvalId },
    }),
  );
  return verdict;
};

/** Releases the endpoint's lease when this deployment holds it (it may never have, or let it go already). */
const releaseIfHeld = async (
  input: DeploymentTaskInput,
  endpointName: string,
  ports: Pick<DeploymentPorts, 'store' | 'clock' | 'logger'>,
): Promise<void> => {
  const { store } = ports;
  const lease = await store.leases.get(store.lockKey(endpointName));
  if (lease === undefined || lease.state !== LeaseState.held || lease.owner !== input.approvalId) return;
  const released = await store.leases.release(lease, ports.clock.now(), `deployment ${input.approvalId} ended`);
  if (!released) {
    ports.logger.warn('the deployment lease changed hands before it was released', {
      correlationId: input.correlationId,
      endpointName,
    });
  }
};
