import type { LoadedFleetConfig, PauseSwitch } from '@fleet/shared';
import { deploymentMaximumMs } from '../../domain/deployment/deploymentDeadline.js';
import { deploymentResourceName } from '../../domain/deployment/deploymentNames.js';
import { supersedingPackage } from '../../domain/deployment/supersedingPackage.js';
import type { ApprovalExecutionInput } from '../ApprovalExecution.js';
import { approvalTtlDays, ttlAfter } from '../recordKeys.js';
import type { DeploymentPorts } from './DeploymentPorts.js';
import type { AcquireOutput, DeploymentPlan, DeploymentTaskInput } from './DeploymentState.js';
import { deploymentSettingsOf } from './deploymentSettings.js';
import { rollbackFields } from './rollbackFields.js';

/**
 * Takes the endpoint's deployment lease for an approved package, so one deployment runs on an
 * endpoint at a time (SageMaker refuses a second update with "Cannot update in-progress endpoint").
 *
 * The lease is held for the deployment's maximum duration (`deploymentMaximumMs`), across every
 * invocation of the branch, and owned by the approval's id, so a retried task gets it back. When
 * another deployment holds it, the answer is `held` and the state machine waits and asks again.
 * Once acquired, the package deploys only if it is still the newest approved one of its group:
 * otherwise the lease is released at once and the answer is `superseded`.
 *
 * A model without a `deployment` section is not deployed by the fleet: the answer is `none`.
 * A model whose deployments an operator paused (`fleet pause <model> --deployment`) is not
 * deployed either: a deployment record with decision `paused` says who paused it and why, the
 * lease and the endpoint are not touched, and the answer is `paused` (the execution ends there,
 * cleanly). A rollback (`mode: 'rollback'`) deploys an older package on purpose, so the
 * newest-approved check does not apply to it.
 *
 * @throws UnknownDeploymentModelError when the model has a deployment section but no package group
 * @throws SageMakerTaskError (classified by the registry: `SageMakerTransientError` is retried) when the registry fails
 */
export const acquireEndpoint = async (
  input: ApprovalExecutionInput & Pick<DeploymentTaskInput, 'mode' | 'rollback'>,
  config: Pick<LoadedFleetConfig, 'models'>,
  ports: Pick<DeploymentPorts, 'store' | 'registry' | 'clock' | 'logger'>,
): Promise<AcquireOutput> => {
  if (config.models[input.model]?.deployment === undefined) {
    return { outcome: 'none', reason: `model ${input.model} has no deployment section: the fleet does not deploy it` };
  }
  const { deployment, modelPackageGroup } = deploymentSettingsOf(config, input.model);
  const { store, clock } = ports;
  const now = clock.now();
  const durationMs = deploymentMaximumMs(deployment);
  const name = deploymentResourceName(deployment.endpointName, input.modelPackageVersion);
  const paused = await store.pauseSwitch(input.model);
  if (paused?.deployment === true) {
    const at = now.toISOString();
    return recordPaused(
      input,
      paused,
      {
        deploymentId: input.approvalId,
        endpointName: deployment.endpointName,
        variantName: deployment.variantName,
        strategy: deployment.strategy,
        modelName: name,
        endpointConfigName: name,
        startedAt: at,
        deadline: at,
      },
      store,
    );
  }
  const acquisition = await store.leases.acquire({
    key: store.lockKey(deployment.endpointName),
    owner: input.approvalId,
    now,
    durationMs,
    record: {
      kind: 'idempotency',
      id: input.approvalId,
      correlationId: input.correlationId,
      model: input.model,
      modelPackageArn: input.modelPackageArn,
      endpointName: deployment.endpointName,
      ttl: ttlAfter(now.toISOString(), approvalTtlDays),
    },
  });
  const startedAt = acquisition.outcome === 'acquired' ? acquisition.lease.acquiredAt : now.toISOString();
  const plan: DeploymentPlan = {
    deploymentId: input.approvalId,
    endpointName: deployment.endpointName,
    variantName: deployment.variantName,
    strategy: deployment.strategy,
    modelName: name,
    endpointConfigName: name,
    startedAt,
    deadline: new Date(Date.parse(startedAt) + durationMs).toISOString(),
  };
  if (acquisition.outcome !== 'acquired') {
    // A released lease is taken over, never completed; a completed one is someone else's misuse and waits too.
    return { outcome: 'held', heldBy: acquisition.lease.owner, ...plan };
  }
  if (input.mode === 'rollback') return { outcome: 'acquired', ...plan };
  const newer = supersedingPackage(await ports.registry.listApproved(modelPackageGroup), {
    modelPackageArn: input.modelPackageArn,
    version: input.modelPackageVersion,
  });
  if (newer !== undefined) {
    const released = await store.leases.release(acquisition.lease, clock.now(), `superseded by ${newer}`);
    if (!released) {
      ports.logger.warn('the deployment lease was taken over before it was released', {
        correlationId: input.correlationId,
        endpointName: deployment.endpointName,
      });
    }
    return { outcome: 'superseded', supersededBy: newer, ...plan };
  }
  return { outcome: 'acquired', ...plan };
};

/** Writes the `paused` deployment record of a deployment an operator's pause stopped, and answers `paused`. */
const recordPaused = async (
  input: ApprovalExecutionInput & Pick<DeploymentTaskInput, 'mode' | 'rollback'>,
  paused: PauseSwitch,
  plan: DeploymentPlan,
  store: DeploymentPorts['store'],
): Promise<AcquireOutput> => {
  const reason = `deployments of ${input.model} paused by ${paused.by} at ${paused.at}${paused.reason === undefined ? '' : `: ${paused.reason}`}`;
  await store.putDeployment({
    deploymentId: input.approvalId,
    at: plan.startedAt,
    finishedAt: plan.startedAt,
    correlationId: input.correlationId,
    model: input.model,
    decision: 'paused',
    modelPackageArn: input.modelPackageArn,
    modelPackageVersion: input.modelPackageVersion,
    approvalId: input.approvalId,
    endpointName: plan.endpointName,
    endpointConfigName: plan.endpointConfigName,
    variantName: plan.variantName,
    strategy: plan.strategy,
    message: reason,
    pausedBy: paused.by,
    pausedAt: paused.at,
    ...(paused.reason === undefined ? {} : { reason: paused.reason }),
    ...rollbackFields(input),
  });
  return { outcome: 'paused', pausedBy: paused.by, reason, ...plan };
};
