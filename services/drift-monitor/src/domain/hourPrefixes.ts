const HOUR_MS = 3_600_000;

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The `yyyy/mm/dd/hh/` key prefixes under `base` of every UTC hour that overlaps `[start, end)`.
 *
 * Data Capture and Model Monitor's ground truth both file objects under the UTC hour they were
 * written, so a window is read by listing these prefixes only, never the whole bucket. Hours are
 * UTC: a daylight-saving change never adds or removes one.
 *
 * @example
 * hourPrefixes('capture/churn/AllTraffic', new Date('2026-03-01T23:30:00Z'), new Date('2026-03-02T01:00:00Z'))
 * // ['capture/churn/AllTraffic/2026/03/01/23/', 'capture/churn/AllTraffic/2026/03/02/00/']
 */
export const hourPrefixes = (base: string, start: Date, end: Date): string[] => {
  const root = base.replace(/\/+$/, '');
  const prefixes: string[] = [];
  for (let at = Math.floor(start.getTime() / HOUR_MS) * HOUR_MS; at < end.getTime(); at += HOUR_MS) {
    const d = new Date(at);
    prefixes.push(
      `${root}/${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${pad(d.getUTCHours())}/`,
    );
  }
  return prefixes;
};
