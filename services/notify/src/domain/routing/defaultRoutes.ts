import type { FleetDetailType, SeverityValue } from '@fleet/shared';

/**
 * What notify does with one kind of event in PagerDuty: nothing, open an incident when the
 * event's severity is one of `severities`, or resolve the incident an earlier event opened.
 */
export type PagerDutyAction =
  | { action: 'none' }
  | { action: 'trigger'; severities: readonly SeverityValue[] }
  | { action: 'resolve' };

/** The default decision for one kind of event: whether it goes to Slack, and what it does in PagerDuty. */
export type Route = { slack: boolean; pagerduty: PagerDutyAction };

const none: PagerDutyAction = { action: 'none' };

/**
 * The fleet's default routing table: one decision for every event of the catalog.
 *
 * Typed as a record over every detail-type, so an event added to the catalog without a routing
 * decision does not compile (and a unit test lists the catalog against it). A model's or the
 * fleet's `routing.rules` override it per event.
 */
export const DEFAULT_ROUTES = {
  'Dataset Validated': { slack: false, pagerduty: none },
  'Dataset Rejected': { slack: true, pagerduty: none },
  'Retraining Started': { slack: false, pagerduty: none },
  'Retraining Skipped': { slack: false, pagerduty: none },
  'Retraining Succeeded': { slack: false, pagerduty: none },
  'Retraining Failed': { slack: true, pagerduty: { action: 'trigger', severities: ['error', 'critical'] } },
  'Drift Detected': { slack: true, pagerduty: { action: 'trigger', severities: ['critical'] } },
  'Drift Cleared': { slack: true, pagerduty: { action: 'resolve' } },
  'Approval Requested': { slack: true, pagerduty: none },
  'Approval Decided': { slack: true, pagerduty: none },
  'Model Deployed': { slack: true, pagerduty: { action: 'resolve' } },
  'Deployment Failed': { slack: true, pagerduty: { action: 'trigger', severities: ['error', 'critical'] } },
} as const satisfies Record<FleetDetailType, Route>;
