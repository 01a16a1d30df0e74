import * as z from 'zod';

/** What a digest schedule delivers when it fires: `{ kind: 'digest', channel, windowId }`. */
export const DigestFireEvent = z.strictObject({
  kind: z.literal('digest'),
  channel: z.string().min(1),
  windowId: z.string().min(1),
});

/** A validated {@link DigestFireEvent}. */
export type DigestFireEvent = z.output<typeof DigestFireEvent>;
