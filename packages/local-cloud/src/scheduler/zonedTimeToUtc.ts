/** A wall-clock time with no zone: what `at(yyyy-mm-ddThh:mm:ss)` says. */
export type LocalDateTime = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatter = (timeZone: string): Intl.DateTimeFormat => {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
};

/** True when the runtime knows the IANA time zone (e.g. `Europe/Paris`, `UTC`). */
export const isTimeZone = (timeZone: string): boolean => {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
};

const offsetAt = (utcMs: number, timeZone: string): number => {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(utcMs))
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - Math.floor(utcMs / 1000) * 1000;
};

/**
 * Converts a wall-clock time in an IANA time zone to epoch milliseconds.
 *
 * Uses the runtime's time-zone data (Intl), so daylight-saving changes are honoured: the offset
 * is looked up at a first guess and again at the corrected instant.
 *
 * @throws RangeError when the time zone is unknown.
 * @example zonedTimeToUtc({ year: 2026, month: 7, day: 1, hour: 9, minute: 0, second: 0 }, 'Europe/Paris') // Date.UTC(2026, 6, 1, 7)
 */
export const zonedTimeToUtc = (local: LocalDateTime, timeZone: string): number => {
  const naive = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  const guess = naive - offsetAt(naive, timeZone);
  return naive - offsetAt(guess, timeZone);
};
