import type { SkipReasonValue } from '../events/fleetEvents.js';

/**
 * The metric names of the fleet, in the `fleet` namespace: what the dashboard and alarms read.
 *
 * Names already emitted keep their spelling (validate-dataset's and trigger-retraining's
 * counters), so switching a service to these constants changes no metric. Counters are counts
 * of occurrences unless a comment gives the unit.
 */
export const FleetMetric = {
  // validate-dataset
  DatasetsValidated: 'DatasetsValidated',
  DatasetsRejected: 'DatasetsRejected',
  /** An object already validated: nothing written or emitted. */
  DuplicateDeliveries: 'DuplicateDeliveries',
  /** An object another invocation is validating right now. */
  ConcurrentDeliveries: 'ConcurrentDeliveries',
  ObjectsSkipped: 'ObjectsSkipped',
  RowsValidated: 'RowsValidated',
  /** Unit: Bytes. */
  BytesValidated: 'BytesValidated',
  /** Unit: Milliseconds. */
  ValidationDuration: 'ValidationDuration',
  // trigger-retraining
  RetrainingStarted: 'RetrainingStarted',
  RetrainingSkipped: 'RetrainingSkipped',
  RetrainingFailed: 'RetrainingFailed',
  /** A pipeline execution that ended and was announced (`Retraining Succeeded` or `Failed`). */
  RetrainingFinished: 'RetrainingFinished',
  /** An event that concerns no configured pipeline. */
  TriggerIgnored: 'TriggerIgnored',
  // approval-callback
  ApprovalsRequested: 'ApprovalsRequested',
  ApprovalsDecided: 'ApprovalsDecided',
  /** A Slack click by someone who is not an approver of the model. */
  ApprovalsUnauthorized: 'ApprovalsUnauthorized',
  /** An approval execution started for a package attempt. */
  ApprovalsStarted: 'ApprovalsStarted',
  /** A package state change that needs no approval (no approving model, not pending, a duplicate's kin). */
  ApprovalsIgnored: 'ApprovalsIgnored',
  /** A click or call on an approval someone decided first: nothing changed. */
  ApprovalsAlreadyDecided: 'ApprovalsAlreadyDecided',
  /** A decision Step Functions refused because the wait was over (TaskTimedOut, TaskDoesNotExist, InvalidToken). */
  ApprovalsClosed: 'ApprovalsClosed',
  /** A Slack request refused before anything was read: missing, stale or forged signature. */
  SlackSignatureRejected: 'SlackSignatureRejected',
  /** An ephemeral reply through `response_url` that Slack did not take. */
  SlackRepliesFailed: 'SlackRepliesFailed',
  // deployment
  DeploymentsSucceeded: 'DeploymentsSucceeded',
  DeploymentsFailed: 'DeploymentsFailed',
  /** A deployment the endpoint rolled back on its alarms (also counted in `DeploymentsFailed`). */
  DeploymentsRolledBack: 'DeploymentsRolledBack',
  // drift-monitor
  DriftChecks: 'DriftChecks',
  DriftDetected: 'DriftDetected',
  DriftInsufficientData: 'DriftInsufficientData',
  /** Unit: none, a share in [0, 1]. */
  DriftShare: 'DriftShare',
  DriftedFeatures: 'DriftedFeatures',
  RowsChecked: 'RowsChecked',
  /** Unit: none, a share in [0, 1]. */
  LabelledShare: 'LabelledShare',
  // notify
  NotificationsDelivered: 'NotificationsDelivered',
  NotificationsFailed: 'NotificationsFailed',
  /** An event and destination already delivered (or being delivered): nothing sent again. */
  NotificationsDuplicate: 'NotificationsDuplicate',
  /** A Slack post gathered into a channel's digest instead of posted alone. */
  NotificationsDigested: 'NotificationsDigested',
  /** A Slack or PagerDuty answer asking to slow down (HTTP 429, `ratelimited`). */
  NotificationsRateLimited: 'NotificationsRateLimited',
  /** A PagerDuty incident opened (trigger) or resolved. */
  IncidentsOpened: 'IncidentsOpened',
  IncidentsResolved: 'IncidentsResolved',
  // every service
  /** A failure logged and not rethrown (a best-effort cleanup, a reply that could not be sent). */
  BestEffortFailures: 'BestEffortFailures',
  /** A lease or claim taken over from a holder whose expiry had passed. */
  LeaseTakeovers: 'LeaseTakeovers',
  /** An HTTP request whose error could not be answered by the handler chain (answered 500 anyway). */
  HttpUnansweredErrors: 'HttpUnansweredErrors',
} as const;

/** One of the {@link FleetMetric} names. */
export type FleetMetricName = (typeof FleetMetric)[keyof typeof FleetMetric];

/**
 * The per-reason counter trigger-retraining adds beside `RetrainingSkipped`: `Skipped-<reason>`.
 *
 * @example
 * skippedMetricName('cooldown') // 'Skipped-cooldown'
 */
export const skippedMetricName = (reason: SkipReasonValue): `Skipped-${SkipReasonValue}` => `Skipped-${reason}`;
