import * as z from 'zod';

/**
 * What a model's schedule rule sends the check (its input transformer fills in the tick's time
 * and id): `{ kind: 'drift-check', model, rule, scheduledTime, eventId }`.
 *
 * `scheduledTime` is the scheduled event's `time`, the same on every redelivery, which is what
 * makes the window of a tick the same on every attempt.
 */
export const DriftCheckInput = z.object({
  kind: z.literal('drift-check'),
  model: z.string().min(1),
  rule: z.string().optional(),
  scheduledTime: z.iso.datetime({ offset: true }),
  eventId: z.string().min(1),
});

/** A validated {@link DriftCheckInput}. */
export type DriftCheckInput = z.output<typeof DriftCheckInput>;
