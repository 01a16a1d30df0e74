import { AwsServiceError } from './AwsServiceError.js';

/** What a page of a list operation holds: its items and the token of the next page, if any. */
export type Page<T> = { items: T[]; nextToken: string | undefined };

/**
 * Cuts one page out of a list operation's sorted results, as AWS's `NextToken`/`MaxResults`
 * pagination does: the token is opaque to the caller (here, the offset in base64url).
 *
 * @throws AwsServiceError with code `ValidationException` (status 400) for a token this stand-in did not issue
 */
export const paginate = <T>(
  matching: T[],
  request: { NextToken?: unknown; MaxResults?: unknown },
  defaultMax: number,
  invalidTokenMessage = 'Invalid NextToken.',
): Page<T> => {
  const max = (request.MaxResults as number | undefined) ?? defaultMax;
  let offset = 0;
  if (request.NextToken !== undefined) {
    offset = Number(Buffer.from(String(request.NextToken), 'base64url').toString('utf8'));
    if (!Number.isInteger(offset) || offset < 0) {
      throw new AwsServiceError('ValidationException', invalidTokenMessage, 400);
    }
  }
  return {
    items: matching.slice(offset, offset + max),
    nextToken: offset + max < matching.length ? Buffer.from(String(offset + max)).toString('base64url') : undefined,
  };
};
