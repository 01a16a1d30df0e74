import * as z from 'zod';

/**
 * The payload of a direct invocation: `{ bucket?, key, versionId?, correlationId? }`.
 *
 * The key is the object's real key, not URL-encoded (only S3 events encode keys). Without a
 * bucket the data bucket (`DATA_BUCKET`) is read; without a version the current one is. Unknown
 * fields are rejected, so a misspelt `versionID` fails loudly instead of validating the wrong version.
 */
export const ValidateRequest = z.strictObject({
  bucket: z.string().min(3).max(63).optional(),
  key: z.string().min(1).max(1024),
  versionId: z.string().min(1).optional(),
  correlationId: z.string().min(1).max(256).optional(),
});

/** A direct invocation payload. */
export type ValidateRequest = z.output<typeof ValidateRequest>;
