import * as z from 'zod';

/**
 * A direct invocation that starts a pipeline: `{ pipeline, requestId, reason?, parameters? }`.
 *
 * `requestId` is the caller's id for this request and the trigger's identity: calling again
 * with the same id is a duplicate, a new id a new run.
 */
export const ManualStart = z.strictObject({
  kind: z.literal('manual').optional(),
  pipeline: z.string().min(1),
  requestId: z.string().min(1).max(512),
  reason: z.string().min(1).max(1024).optional(),
  requestedBy: z.string().min(1).max(256).optional(),
  correlationId: z.string().min(1).max(256).optional(),
  parameters: z.record(z.string(), z.unknown()).default({}),
});

/** A validated {@link ManualStart}. */
export type ManualStart = z.output<typeof ManualStart>;
