import * as z from 'zod';

/** Every fleet detail carries the id of the event that started the chain. */
const correlated = { correlationId: z.string().min(1).max(256) };
const isoTime = z.iso.datetime({ offset: true });
const counts = z.record(z.string(), z.number().int().nonnegative());
const metrics = z.record(z.string(), z.number());

/** One problem found in a dataset, as carried in events (the full list is in the record). */
export const DatasetIssueSummary = z.object({
  code: z.string().min(1),
  message: z.string(),
  line: z.number().int().positive().optional(),
  row: z.number().int().positive().optional(),
  column: z.string().optional(),
});

const datasetOutcome = {
  ...correlated,
  dataset: z.string().min(1),
  bucket: z.string().min(1),
  key: z.string().min(1),
  versionId: z.string().min(1).optional(),
  etag: z.string().min(1).optional(),
  contract: z.string().min(1),
  contractHash: z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hex digest'),
  rows: z.number().int().nonnegative(),
  issueCounts: counts,
  recordKey: z.string().min(1),
};
const hasObjectVersion = (d: { versionId?: string; etag?: string }) =>
  d.versionId !== undefined || d.etag !== undefined;
const objectVersionMessage = { message: 'versionId or etag is required', path: ['versionId'] };

export const DatasetValidatedDetail = z
  .object({ ...datasetOutcome, profileKey: z.string().min(1) })
  .refine(hasObjectVersion, objectVersionMessage);
export const DatasetRejectedDetail = z
  .object({ ...datasetOutcome, issues: z.array(DatasetIssueSummary).max(20).default([]) })
  .refine(hasObjectVersion, objectVersionMessage);

/** What started a retraining: its kind and its identity (see DESIGN.md, idempotency). */
export const TriggerRef = z.object({
  kind: z.enum(['schedule', 'dataset', 'drift', 'manual']),
  id: z.string().min(1).max(1024),
});
export const SkipReason = z.enum(['duplicate', 'quiet-hours', 'in-flight', 'cooldown', 'debounced']);
export const Failure = z.object({ code: z.string().min(1), message: z.string() });

const retraining = {
  ...correlated,
  pipeline: z.string().min(1),
  trigger: TriggerRef,
  reason: z.string().min(1),
};
export const RetrainingStartedDetail = z.object({
  ...retraining,
  executionArn: z.string().min(1),
  parameters: z.record(z.string(), z.string()).default({}),
});
export const RetrainingSkippedDetail = z.object({ ...retraining, skipReason: SkipReason });
export const RetrainingSucceededDetail = z.object({ ...retraining, executionArn: z.string().min(1) });
export const RetrainingFailedDetail = z.object({
  ...retraining,
  executionArn: z.string().min(1).optional(),
  failure: Failure,
});

const drift = {
  ...correlated,
  model: z.string().min(1),
  pipeline: z.string().min(1),
  window: z.object({ start: isoTime, end: isoTime }),
  status: z.enum(['drift', 'no_drift', 'insufficient_data']),
  driftedFeatures: z.array(z.string()),
  driftShare: z.number().min(0).max(1),
  severity: z.enum(['warning', 'critical']),
  reportKey: z.string().min(1),
};
export const DriftDetectedDetail = z.object({ ...drift, recordKey: z.string().min(1).optional() });
export const DriftClearedDetail = z.object(drift);

const approval = {
  ...correlated,
  approvalId: z.string().min(1),
  model: z.string().min(1),
  modelPackageArn: z.string().min(1),
  metrics,
  championMetrics: metrics.nullable(),
  expiresAt: isoTime,
};
export const ApprovalRequestedDetail = z.object(approval);
export const ApprovalDecidedDetail = z.object({
  ...approval,
  decision: z.enum(['approved', 'rejected', 'expired']),
  decidedBy: z.string().min(1),
});

const deployment = {
  ...correlated,
  model: z.string().min(1),
  modelPackageArn: z.string().min(1),
  endpointName: z.string().min(1),
  strategy: z.string().min(1),
};
export const ModelDeployedDetail = z.object(deployment);
export const DeploymentFailedDetail = z.object({ ...deployment, failure: Failure });

/**
 * The fleet's event catalog: every detail-type, the service that emits it and its detail schema.
 *
 * Publishers validate against it before sending and consumers before acting, so a field
 * renamed on one side fails loudly on both.
 */
export const fleetEvents = {
  'Dataset Validated': { source: 'fleet.validate-dataset', detail: DatasetValidatedDetail },
  'Dataset Rejected': { source: 'fleet.validate-dataset', detail: DatasetRejectedDetail },
  'Retraining Started': { source: 'fleet.trigger-retraining', detail: RetrainingStartedDetail },
  'Retraining Skipped': { source: 'fleet.trigger-retraining', detail: RetrainingSkippedDetail },
  'Retraining Succeeded': { source: 'fleet.trigger-retraining', detail: RetrainingSucceededDetail },
  'Retraining Failed': { source: 'fleet.trigger-retraining', detail: RetrainingFailedDetail },
  'Drift Detected': { source: 'fleet.drift-monitor', detail: DriftDetectedDetail },
  'Drift Cleared': { source: 'fleet.drift-monitor', detail: DriftClearedDetail },
  'Approval Requested': { source: 'fleet.approval-callback', detail: ApprovalRequestedDetail },
  'Approval Decided': { source: 'fleet.approval-callback', detail: ApprovalDecidedDetail },
  'Model Deployed': { source: 'fleet.approval-callback', detail: ModelDeployedDetail },
  'Deployment Failed': { source: 'fleet.approval-callback', detail: DeploymentFailedDetail },
} as const;

export type FleetDetailType = keyof typeof fleetEvents;
/** The detail of a fleet event, as produced (defaults applied). */
export type FleetDetail<T extends FleetDetailType> = z.output<(typeof fleetEvents)[T]['detail']>;
/** The detail of a fleet event, as a publisher may write it (defaults optional). */
export type FleetDetailInput<T extends FleetDetailType> = z.input<(typeof fleetEvents)[T]['detail']>;

export type DatasetValidated = FleetDetail<'Dataset Validated'>;
export type DatasetRejected = FleetDetail<'Dataset Rejected'>;
export type RetrainingStarted = FleetDetail<'Retraining Started'>;
export type RetrainingSkipped = FleetDetail<'Retraining Skipped'>;
export type RetrainingSucceeded = FleetDetail<'Retraining Succeeded'>;
export type RetrainingFailed = FleetDetail<'Retraining Failed'>;
export type DriftDetected = FleetDetail<'Drift Detected'>;
export type DriftCleared = FleetDetail<'Drift Cleared'>;
export type ApprovalRequested = FleetDetail<'Approval Requested'>;
export type ApprovalDecided = FleetDetail<'Approval Decided'>;
export type ModelDeployed = FleetDetail<'Model Deployed'>;
export type DeploymentFailed = FleetDetail<'Deployment Failed'>;
export type Trigger = z.output<typeof TriggerRef>;
export type SkipReasonValue = z.output<typeof SkipReason>;
export type DatasetIssue = z.output<typeof DatasetIssueSummary>;
