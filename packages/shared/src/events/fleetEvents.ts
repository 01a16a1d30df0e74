import * as z from 'zod';
import { DEPLOYMENT_FAILURE_SEVERITY, DeploymentFailureCode } from './deploymentFailureSeverity.js';
import { EVENT_KEY_PATTERN } from './eventKey.js';
import { DriftSeverity, Severity } from './Severity.js';

/**
 * Every fleet detail carries the id of the event that started the chain, and its own
 * `eventKey`: `eventKey(detailType, idempotencyKey)` of the producer, the same on a re-publish.
 */
const correlated = {
  correlationId: z.string().min(1).max(256),
  eventKey: z.string().regex(EVENT_KEY_PATTERN, 'expected eventKey(detailType, idempotencyKey): 32 hex digits'),
};
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

/** What started a retraining: its kind and its identity (see docs/architecture.md, idempotency). */
export const TriggerRef = z.object({
  kind: z.enum(['schedule', 'dataset', 'drift', 'manual']),
  id: z.string().min(1).max(1024),
});
/**
 * Why a trigger started nothing. `below-retrain-severity`: a drift below the model's
 * `drift.retrainOn`; `model-busy`: the model is already being retrained, approved or deployed;
 * `paused`: an operator paused the retraining of a model of the pipeline (`fleet pause`).
 */
export const SkipReason = z.enum([
  'duplicate',
  'quiet-hours',
  'in-flight',
  'cooldown',
  'debounced',
  'below-retrain-severity',
  'model-busy',
  'paused',
]);
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

/**
 * One of the features that drifted most, as `Drift Detected` carries it: the test, its
 * statistic and the threshold it was judged against. Strict, so no raw feature value can ride
 * along into Slack or PagerDuty; the report holds the rest.
 */
export const TopFeature = z.strictObject({
  name: z.string().min(1),
  /** The test name as `@fleet/drift` reports it (`ks`, `chi-squared`, `wasserstein`, ...). */
  test: z.string().min(1),
  /** The test statistic (KS D, chi-squared, or the distance). */
  statistic: z.number(),
  /** A distance test drifts when `statistic` reaches it; a hypothesis test when `pValue` falls below it. */
  threshold: z.number(),
  /** The adjusted p-value of a hypothesis test (`ks`, `chi-squared`); absent for distances. */
  pValue: z.number().min(0).max(1).optional(),
});

const drift = {
  ...correlated,
  model: z.string().min(1),
  pipeline: z.string().min(1),
  window: z.object({ start: isoTime, end: isoTime }),
  status: z.enum(['drift', 'no_drift', 'insufficient_data']),
  driftedFeatures: z.array(z.string()),
  driftShare: z.number().min(0).max(1),
  reportKey: z.string().min(1),
};
export const DriftDetectedDetail = z.object({
  ...drift,
  severity: DriftSeverity,
  /** The report's JSON twin, next to the HTML `reportKey`. */
  reportJsonKey: z.string().min(1),
  /** The most drifted features, most drifted first; at most 10. */
  topFeatures: z.array(TopFeature).max(10),
  recordKey: z.string().min(1).optional(),
});
/** A drifted model is clear again: no severity of its own, the one it is cleared from instead. */
export const DriftClearedDetail = z.object({ ...drift, previousSeverity: DriftSeverity });

const approval = {
  ...correlated,
  approvalId: z.string().min(1),
  model: z.string().min(1),
  modelPackageArn: z.string().min(1),
  metrics,
  championMetrics: metrics.nullable(),
  expiresAt: isoTime,
  /** The package's version in its group, when known. */
  modelPackageVersion: z.number().int().positive().optional(),
  /** 1 for the first request of a package; one more each time an operator asks again after an expiry. */
  attempt: z.number().int().positive().optional(),
};
export const ApprovalRequestedDetail = z.object(approval);
/**
 * A decision on an approval. `expiresAt` is null when nobody was ever asked (a quality-gate
 * rejection); `superseded` closes a pending approval when a newer package of the model arrives.
 */
export const ApprovalDecidedDetail = z.object({
  ...approval,
  expiresAt: isoTime.nullable(),
  decision: z.enum(['approved', 'rejected', 'expired', 'superseded']),
  /** A Slack user id, an operator, or `fleet:quality-gate` / `fleet:timeout`. */
  decidedBy: z.string().min(1),
  /** The Slack user name of `decidedBy`, when decided in Slack (for "approved by @ana"). */
  decidedByName: z.string().min(1).optional(),
  decidedAt: isoTime,
  /** Why, in words: also the package's `ApprovalDescription`, hence at most 1,024 characters. */
  reason: z.string().min(1).max(1024),
});

const deployment = {
  ...correlated,
  model: z.string().min(1),
  modelPackageArn: z.string().min(1),
  endpointName: z.string().min(1),
  strategy: z.string().min(1),
};
export const ModelDeployedDetail = z.object(deployment);
/** A deployment failure: a code from the closed set, and SageMaker's words when there are any. */
export const DeploymentFailure = z.object({ code: DeploymentFailureCode, message: z.string() });
/** A failed deployment; its `severity` must be `deploymentFailureSeverity(failure.code)`. */
export const DeploymentFailedDetail = z
  .object({ ...deployment, failure: DeploymentFailure, severity: Severity })
  .refine((d) => d.severity === DEPLOYMENT_FAILURE_SEVERITY[d.failure.code], {
    message: 'must be deploymentFailureSeverity(failure.code)',
    path: ['severity'],
  });

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
export type TopFeatureValue = z.output<typeof TopFeature>;
