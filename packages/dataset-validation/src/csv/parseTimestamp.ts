const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2})))?$/;

const daysInMonth = (year: number, month: number): number =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;

/**
 * Parses an RFC 3339 date (`2024-02-29`) or date-time with offset (`2024-02-29T12:00:00Z`)
 * to epoch milliseconds, or returns NaN.
 *
 * A date-time without an offset is rejected: its instant is ambiguous. A date alone is
 * midnight UTC. Calendar dates are checked (no 30 February); a leap second (:60) is allowed as
 * RFC 3339 allows it. O(length).
 *
 * @example parseTimestamp('2024-01-01T01:00:00+01:00') // 1704067200000
 */
export const parseTimestamp = (text: string): number => {
  const match = RFC3339.exec(text);
  if (match === null) return Number.NaN;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  const hour = Number(match[4] ?? 0);
  const minute = Number(match[5] ?? 0);
  const second = Number(match[6] ?? 0);
  if (hour > 23 || minute > 59 || second > 60) return Number.NaN;
  const millis = match[7] === undefined ? 0 : Math.floor(Number(`0${match[7]}`) * 1000);
  let offset = 0;
  if (match[9] !== undefined) {
    const offsetHours = Number(match[10]);
    const offsetMinutes = Number(match[11]);
    if (offsetHours > 23 || offsetMinutes > 59) return Number.NaN;
    offset = (match[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60000;
  }
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, millis);
  return utc.getTime() - offset;
};
