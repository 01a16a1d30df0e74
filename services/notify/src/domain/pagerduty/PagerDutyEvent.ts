import * as z from 'zod';

/** PagerDuty's Events API v2 limits: the summary and the dedup key. */
export const PAGERDUTY_LIMITS = { summary: 1024, dedupKey: 255, routingKey: 32 } as const;

/**
 * The Events API v2 request body (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/),
 * as a schema: every body notify sends is checked against it in tests.
 */
export const PagerDutyEventSchema = z.discriminatedUnion('event_action', [
  z.strictObject({
    routing_key: z.string().length(PAGERDUTY_LIMITS.routingKey),
    event_action: z.literal('trigger'),
    dedup_key: z.string().min(1).max(PAGERDUTY_LIMITS.dedupKey),
    payload: z.strictObject({
      summary: z.string().min(1).max(PAGERDUTY_LIMITS.summary),
      source: z.string().min(1),
      severity: z.enum(['critical', 'error', 'warning', 'info']),
      timestamp: z.iso.datetime({ offset: true }).optional(),
      component: z.string().optional(),
      group: z.string().optional(),
      class: z.string().optional(),
      custom_details: z.record(z.string(), z.unknown()).optional(),
    }),
    links: z.array(z.strictObject({ href: z.url(), text: z.string().optional() })).optional(),
    client: z.string().optional(),
  }),
  z.strictObject({
    routing_key: z.string().length(PAGERDUTY_LIMITS.routingKey),
    event_action: z.enum(['acknowledge', 'resolve']),
    dedup_key: z.string().min(1).max(PAGERDUTY_LIMITS.dedupKey),
  }),
]);

/** One Events API v2 request body. */
export type PagerDutyEvent = z.output<typeof PagerDutyEventSchema>;

/** A `trigger` body. */
export type PagerDutyTriggerEvent = Extract<PagerDutyEvent, { event_action: 'trigger' }>;
