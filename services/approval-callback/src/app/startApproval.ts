import type { LoadedFleetConfig } from '@fleet/shared';
import { FleetMetric } from '@fleet/shared';
import type { ApprovalPorts } from './ApprovalPorts.js';
import { type BeginOutcome, beginApproval } from './beginApproval.js';
import { modelForGroup } from './modelSettings.js';

/** What a `Model Package State Change` says, as the start reads it. */
export type PackageStateChange = {
  eventId: string;
  modelPackageGroup: string;
  modelPackageArn: string;
  modelPackageVersion?: number;
  status: string;
  generatedBy?: string;
};

/** How this invocation starts: who it is, and how long its lease holds. */
export type StartOptions = { owner: string; leaseMs: number };

const versionFromArn = (arn: string): number | undefined => {
  const match = /\/(\d+)$/.exec(arn);
  return match === null ? undefined : Number(match[1]);
};

/**
 * Starts one approval per package version when SageMaker registers a package pending manual
 * approval in a group the fleet approves.
 *
 * Ignored: a group no model approves, and any status but `PendingManualApproval` (the fleet's own
 * `UpdateModelPackage` to `Approved` or `Rejected` emits a state change too). The approval
 * inherits the correlation id of the retraining that produced the package
 * (`MetadataProperties.GeneratedBy`, the execution pointer, the trigger decision), or the
 * event's id for a package the fleet did not train.
 */
export const startApproval = async (
  change: PackageStateChange,
  config: Pick<LoadedFleetConfig, 'models'>,
  ports: Pick<ApprovalPorts, 'store' | 'workflow' | 'events' | 'clock' | 'logger' | 'metrics'>,
  options: StartOptions,
): Promise<BeginOutcome> => {
  const settings = modelForGroup(config, change.modelPackageGroup);
  const ignore = (reason: string): BeginOutcome => {
    ports.metrics.addMetric(FleetMetric.ApprovalsIgnored, 'Count', 1);
    return { status: 'ignored', reason };
  };
  if (settings === undefined) return ignore(`group ${change.modelPackageGroup} is approved by no model`);
  if (change.status !== 'PendingManualApproval') return ignore(`status ${change.status} needs no approval`);
  const version = change.modelPackageVersion ?? versionFromArn(change.modelPackageArn);
  if (version === undefined) return ignore(`no version in ${change.modelPackageArn}`);
  const lineage = change.generatedBy === undefined ? undefined : await ports.store.lineage(change.generatedBy);
  return beginApproval(
    {
      settings,
      modelPackageArn: change.modelPackageArn,
      modelPackageVersion: version,
      attempt: 1,
      correlationId: lineage?.correlationId ?? change.eventId,
      owner: options.owner,
      leaseMs: options.leaseMs,
    },
    ports,
  );
};
