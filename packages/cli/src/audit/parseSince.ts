import { AuditInputError } from './AuditInputError.js';

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
/** `30m`, `24h`, `7d`, `2w`: that long before now. */
const RELATIVE = /^(\d+)([mhdw])$/;
/** A calendar date or an ISO 8601 date-time with a zone (`Z` or an offset); no zone would depend on the machine. */
const ABSOLUTE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Reads `--since`: an ISO 8601 time with a zone (`2025-06-02T09:00:00Z`), a date
 * (`2025-06-02`, midnight UTC), or a duration before `now` (`30m`, `24h`, `7d`, `2w`).
 *
 * Returns the time in `Date#toISOString` form, the form the sort keys start with, so it can be
 * a key condition on them.
 *
 * @throws AuditInputError naming the value and the accepted forms
 * @example
 * parseSince('24h', new Date('2025-06-02T10:00:00Z')) // '2025-06-01T10:00:00.000Z'
 */
export const parseSince = (value: string, now: Date): string => {
  const trimmed = value.trim();
  const relative = RELATIVE.exec(trimmed);
  if (relative !== null) return new Date(now.getTime() - Number(relative[1]) * UNIT_MS[relative[2]]).toISOString();
  const ms = ABSOLUTE.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new AuditInputError(
      `--since "${value}" is not a time: give an ISO 8601 time with a zone (2025-06-02T09:00:00Z), a date (2025-06-02) or a duration before now (30m, 24h, 7d, 2w)`,
    );
  }
  return new Date(ms).toISOString();
};
