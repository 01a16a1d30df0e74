import * as z from 'zod';

/**
 * What a debounce schedule delivers when it fires: `{ kind: 'debounce', pipeline, prefix, armedAt }`.
 *
 * `prefix` is `s3://bucket/prefix/`; `armedAt` is when the landing that armed it arrived.
 */
export const DebounceFireEvent = z.strictObject({
  kind: z.literal('debounce'),
  pipeline: z.string().min(1),
  prefix: z.string().regex(/^s3:\/\/[^/]+\/.*$/, 'expected s3://bucket/prefix/'),
  armedAt: z.iso.datetime({ offset: true }),
});

/** A validated {@link DebounceFireEvent}. */
export type DebounceFireEvent = z.output<typeof DebounceFireEvent>;
