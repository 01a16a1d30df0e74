import { LeaseState, type LoadedFleetConfig } from '@fleet/shared';
import {
  DeploymentInProgressError,
  DeploymentsPausedError,
  NothingToRollBackError,
} from '../../domain/deployment/errors.js';
import { rollbackIdFor } from '../../domain/deployment/rollbackId.js';
import { rollbackTarget, servedVersion } from '../../domain/deployment/rollbackTarget.js';
import type { ApprovalWorkflow } from '../ports.js';
import type { DeploymentPorts } from './DeploymentPorts.js';
import type { DeploymentTaskInput } from './DeploymentState.js';
import { deploymentSettingsOf } from './deploymentSettings.js';

/** An operator's rollback request, and the invocation's request id (the rollback's id comes from it). */
export type RollbackCommand = {
  model: string;
  requestedBy: string;
  reason?: string;
  /** Go back to this package version (one that served before) instead of the previous champion. */
  toVersion?: number;
  requestId: string;
};

/** What a started rollback answers: the execution, the package it deploys again and the one it replaces. */
export type RollbackOutput = {
  executionArn: string;
  modelPackageArn: string;
  previousModelPackageArn: string;
  /** The rollback's id: the deployment's id and the correlation id of all it does. */
  rollbackId: string;
  correlationId: string;
};

/** The ports `rollback` calls. */
export type RollbackPorts = Pick<DeploymentPorts, 'store' | 'clock'> & {
  workflow: Pick<ApprovalWorkflow, 'start'>;
};

/** Step Functions execution names: at most 80 characters of letters, digits, `-` and `_`. */
const executionNameOf = (model: string, version: number, rollbackId: string): string => {
  const suffix = `-v${version}-${rollbackId}`;
  return `${model.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 80 - suffix.length)}${suffix}`;
};

/**
 * Rolls a model back to its previous champion (or to `toVersion`) through the same deployment
 * path an approval takes: it starts the approval state machine with `mode: 'rollback'`, whose
 * first Choice goes straight to the deployment states (the endpoint's lease, blue/green canary,
 * auto-rollback alarms, the deployment record and `Model Deployed` or `Deployment Failed`).
 *
 * It refuses, before starting anything, when the model's deployments are paused, when a
 * deployment holds the endpoint's lease, or when nothing served before the current champion.
 *
 * @throws UnknownDeploymentModelError when the model has no deployment section
 * @throws DeploymentsPausedError when an operator paused the model's deployments
 * @throws DeploymentInProgressError when a live deployment holds the endpoint's lease
 * @throws NothingToRollBackError when there is no previous champion (or `toVersion` never served)
 */
export const rollback = async (
  command: RollbackCommand,
  config: Pick<LoadedFleetConfig, 'models'>,
  ports: RollbackPorts,
): Promise<RollbackOutput> => {
  const { model } = command;
  const { modelPackageGroup, deployment } = deploymentSettingsOf(config, model);
  const { store } = ports;
  const now = ports.clock.now();
  const paused = await store.pauseSwitch(model);
  if (paused?.deployment === true) throw new DeploymentsPausedError(model, paused.by, paused.at, paused.reason);
  const lease = await store.leases.get(store.lockKey(deployment.endpointName));
  if (lease?.state === LeaseState.held && Date.parse(lease.expiresAt) > now.getTime()) {
    throw new DeploymentInProgressError(model, deployment.endpointName, lease.owner, lease.expiresAt);
  }
  const { current, target } = rollbackTarget(model, await store.deployments(model), command.toVersion);
  const version = servedVersion(target);
  if (version === undefined) {
    throw new NothingToRollBackError(model, `the version of ${target.modelPackageArn} is unknown`);
  }
  const rollbackId = rollbackIdFor(model, command.requestId);
  const input: DeploymentTaskInput = {
    model,
    modelPackageGroup,
    modelPackageArn: target.modelPackageArn,
    modelPackageVersion: version,
    attempt: 1,
    approvalId: rollbackId,
    correlationId: rollbackId,
    mode: 'rollback',
    rollback: {
      requestedBy: command.requestedBy,
      ...(command.reason === undefined ? {} : { reason: command.reason }),
      previousModelPackageArn: current.modelPackageArn,
      requestedAt: now.toISOString(),
    },
  };
  const { executionArn } = await ports.workflow.start(executionNameOf(model, version, rollbackId), input);
  return {
    executionArn,
    modelPackageArn: target.modelPackageArn,
    previousModelPackageArn: current.modelPackageArn,
    rollbackId,
    correlationId: rollbackId,
  };
};
