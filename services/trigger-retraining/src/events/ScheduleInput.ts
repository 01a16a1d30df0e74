import * as z from 'zod';

/**
 * What a schedule rule sends: its input transformer names the pipeline and its parameters and
 * carries the rule ARN and scheduled time from the Scheduled Event.
 *
 * `rule` and `scheduledTime` are the trigger's identity, so a redelivered tick starts nothing
 * new; `parameters` go through the pipeline's allow-list.
 */
export const ScheduleInput = z.strictObject({
  kind: z.literal('schedule').optional(),
  pipeline: z.string().min(1),
  rule: z.string().min(1),
  scheduledTime: z.string().min(1),
  eventId: z.string().min(1).optional(),
  reason: z.string().min(1).max(1024).optional(),
  parameters: z.record(z.string(), z.unknown()).default({}),
});

/** A validated {@link ScheduleInput}. */
export type ScheduleInput = z.output<typeof ScheduleInput>;
