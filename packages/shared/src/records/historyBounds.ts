import { canonicalTime } from './recordKeys.js';

/**
 * The sort-key range of a history between two ISO times, both inclusive.
 *
 * The upper bound ends in `$`, which sorts right after the `#` that follows the time in a sort
 * key, so every record at exactly `until` is included and nothing later.
 *
 * @example
 * historyBounds({ until: '2024-05-01T10:00:00Z' }) // { lower: undefined, upper: '2024-05-01T10:00:00.000Z$' }
 */
export const historyBounds = (options: { since?: string; until?: string }): { lower?: string; upper?: string } => ({
  lower: options.since === undefined ? undefined : canonicalTime(options.since),
  upper: options.until === undefined ? undefined : `${canonicalTime(options.until)}$`,
});

/**
 * Checks a history limit.
 *
 * @throws RangeError when the limit is not a positive integer
 */
export const assertLimit = (limit: number | undefined): void => {
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw new RangeError(`limit must be a positive integer, got ${limit}`);
  }
};
