const UNIT_MINUTES: Record<string, number> = {
  m: 1,
  minute: 1,
  minutes: 1,
  h: 60,
  hour: 60,
  hours: 60,
  d: 1440,
  day: 1440,
  days: 1440,
};

/**
 * Minutes in a duration written `<n>m`, `<n>h` or `<n>d` (`24h`), or in an EventBridge
 * `rate(<n> <unit>)` expression; `undefined` for anything else, `cron(...)` included.
 *
 * Lets the configuration compare a drift window with its schedule without a date library.
 *
 * @example
 * durationMinutes('24h') // 1440
 * durationMinutes('rate(6 hours)') // 360
 */
export const durationMinutes = (text: string): number | undefined => {
  const match = /^(?:(\d+)(m|h|d)|rate\((\d+) (minutes?|hours?|days?)\))$/.exec(text);
  if (match === null) return undefined;
  const amount = Number(match[1] ?? match[3]);
  return amount * UNIT_MINUTES[match[2] ?? match[4]];
};
