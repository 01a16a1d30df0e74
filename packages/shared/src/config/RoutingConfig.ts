import * as z from 'zod';
import { type FleetDetailType, fleetEvents } from '../events/fleetEvents.js';
import { Severity } from '../events/Severity.js';

const detailTypes = Object.keys(fleetEvents) as [FleetDetailType, ...FleetDetailType[]];

/**
 * SSM parameter names of PagerDuty routing keys, one per severity: names only, never the keys.
 *
 * A severity without a parameter is never paged.
 */
export const PagerDutyRouting = z.strictObject({
  info: z.string().min(1).optional(),
  warning: z.string().min(1).optional(),
  error: z.string().min(1).optional(),
  critical: z.string().min(1).optional(),
});

/**
 * One routing rule: where events of a detail-type go, overriding notify's default table.
 *
 * `minSeverity` drops events below it for this rule's destinations. The notify issue fills in
 * the rest of the rule (digests, threads).
 */
export const RoutingRule = z.strictObject({
  event: z.enum(detailTypes),
  slack: z.boolean().optional(),
  pagerduty: z.boolean().optional(),
  minSeverity: Severity.optional(),
});

/** Where a model's (or, at the top level, every model's) notifications go. */
export const RoutingConfig = z.strictObject({
  slackChannel: z.string().min(1).optional(),
  pagerduty: PagerDutyRouting.optional(),
  rules: z.array(RoutingRule).optional(),
  /**
   * Seconds notify gathers the non-urgent Slack posts (below `error`) of one channel before it
   * posts them as one digest: a burst of events becomes one message. Default 30.
   */
  slackDigestSeconds: z.number().int().min(1).max(900).optional(),
});

/** Routing settings as validated. */
export type RoutingConfig = z.output<typeof RoutingConfig>;
/** One routing rule as validated. */
export type RoutingRuleConfig = z.output<typeof RoutingRule>;
