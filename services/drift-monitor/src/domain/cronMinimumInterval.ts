const fieldValues = (field: string, low: number, high: number): number[] | undefined => {
  if (field === '*' || field === '?') return Array.from({ length: high - low + 1 }, (_, i) => low + i);
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const match = /^(\*|\d+)(?:-(\d+))?(?:\/(\d+))?$/.exec(part);
    if (match === null) return undefined;
    const from = match[1] === '*' ? low : Number(match[1]);
    const to = match[2] !== undefined ? Number(match[2]) : match[1] === '*' || match[3] !== undefined ? high : from;
    const step = match[3] === undefined ? 1 : Number(match[3]);
    if (from < low || to > high || step < 1) return undefined;
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return [...values].sort((a, b) => a - b);
};

/**
 * The shortest time between two firings of an EventBridge `cron(min hour dom month dow year)`
 * expression within a day, in minutes: 1440 when it fires at most once a day.
 *
 * Enough to tell whether consecutive drift windows could overlap; `undefined` when a minute or
 * hour field cannot be read.
 *
 * @example cronMinimumIntervalMinutes('cron(0 0,6,12,18 * * ? *)') // 360
 */
export const cronMinimumIntervalMinutes = (expression: string): number | undefined => {
  const match = /^cron\((.+)\)$/.exec(expression.trim());
  if (match === null) return undefined;
  const fields = match[1].trim().split(/\s+/);
  if (fields.length !== 6) return undefined;
  const minutes = fieldValues(fields[0], 0, 59);
  const hours = fieldValues(fields[1], 0, 23);
  if (minutes === undefined || hours === undefined) return undefined;
  const times = hours.flatMap((h) => minutes.map((m) => h * 60 + m));
  if (times.length === 1) return 1440;
  let shortest = times[0] + 1440 - times[times.length - 1];
  for (let i = 1; i < times.length; i++) shortest = Math.min(shortest, times[i] - times[i - 1]);
  return shortest;
};
