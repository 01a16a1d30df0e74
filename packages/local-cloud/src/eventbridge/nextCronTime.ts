/** Thrown when a `cron(...)` expression is not one EventBridge accepts. */
export class InvalidCronExpressionError extends Error {
  constructor(expression: string, problem: string, options?: ErrorOptions) {
    super(`invalid cron expression ${expression}: ${problem}`, options);
    this.name = 'InvalidCronExpressionError';
  }
}

type DayTest = (year: number, month: number, day: number) => boolean;

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const DAY_MS = 86_400_000;
/** How far ahead to look for the next occurrence before giving up (an expression such as 30 FEB never fires). */
const HORIZON_YEARS = 5;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
/** EventBridge numbers weekdays 1 (Sunday) to 7 (Saturday). */
const weekday = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1;

/** Reads a list field (`*`, `5`, `1-5`, `*\/15`, `10-40/10`, `MON-FRI`, lists of these) into the set of its values. */
const parseList = (
  field: string,
  min: number,
  max: number,
  names: string[] | undefined,
  fail: (problem: string) => never,
): Set<number> => {
  const value = (text: string): number => {
    const index = names?.indexOf(text.toUpperCase()) ?? -1;
    const number = index >= 0 ? index + min : /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isInteger(number) || number < min || number > max) fail(`"${text}" is not in ${min}-${max}`);
    return number;
  };
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) fail(`bad increment in "${part}"`);
    let from: number;
    let to: number;
    if (range === '*') {
      from = min;
      to = max;
    } else if (range.includes('-')) {
      const [a, b] = range.split('-');
      from = value(a);
      to = value(b);
      if (from > to) fail(`range "${range}" runs backwards`);
    } else {
      from = value(range);
      to = stepText === undefined ? from : max;
    }
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
};

/** The day-of-month field: a list, `?`, `L` (last day), `nW` (weekday nearest to n) or `LW`. */
const parseDayOfMonth = (field: string, fail: (problem: string) => never): DayTest | undefined => {
  if (field === '?') return undefined;
  if (field === 'L') return (y, m, d) => d === daysIn(y, m);
  const nearest = /^(\d{1,2}|L)W$/.exec(field);
  if (nearest) {
    return (y, m, d) => {
      const last = daysIn(y, m);
      const target = nearest[1] === 'L' ? last : Math.min(Number(nearest[1]), last);
      const day = weekday(y, m, target);
      let chosen = target;
      if (day === 7) chosen = target === 1 ? 3 : target - 1;
      if (day === 1) chosen = target === last ? target - 2 : target + 1;
      return d === chosen;
    };
  }
  const days = parseList(field, 1, 31, undefined, fail);
  return (_y, _m, d) => days.has(d);
};

/** The day-of-week field: a list, `?`, `nL` (last such weekday of the month) or `n#k` (k-th such weekday). */
const parseDayOfWeek = (field: string, fail: (problem: string) => never): DayTest | undefined => {
  if (field === '?') return undefined;
  const nameOrNumber = (text: string) => [...parseList(text, 1, 7, WEEKDAYS, fail)][0];
  const last = /^(\w+)L$/.exec(field);
  if (last) {
    const target = nameOrNumber(last[1]);
    return (y, m, d) => weekday(y, m, d) === target && d + 7 > daysIn(y, m);
  }
  const nth = /^(\w+)#([1-5])$/.exec(field);
  if (nth) {
    const target = nameOrNumber(nth[1]);
    const k = Number(nth[2]);
    return (y, m, d) => weekday(y, m, d) === target && Math.ceil(d / 7) === k;
  }
  const days = field === 'L' ? new Set([7]) : parseList(field, 1, 7, WEEKDAYS, fail);
  return (y, m, d) => days.has(weekday(y, m, d));
};

/**
 * The first time strictly after `afterMs` that an EventBridge `cron(...)` schedule fires, in
 * UTC as EventBridge rules run, or undefined when it never fires within five years.
 *
 * Six fields: minutes, hours, day of month, month, day of week, year. `*`, `,`, `-` and `/`
 * everywhere; `?` in one of the two day fields (exactly one of them must be `?`); month and
 * weekday names (`JAN`, `MON`); `L` and `W` in the day of month; `L` and `#` in the day of week
 * (1 is Sunday).
 *
 * @throws InvalidCronExpressionError naming what is wrong
 * @example
 * new Date(nextCronTime('cron(0 3 * * ? *)', Date.parse('2025-06-02T09:00:00Z'))!).toISOString() // '2025-06-03T03:00:00.000Z'
 */
export const nextCronTime = (expression: string, afterMs: number): number | undefined => {
  const fail = (problem: string): never => {
    throw new InvalidCronExpressionError(expression, problem);
  };
  const body = /^cron\((.*)\)$/.exec(expression.trim())?.[1];
  const fields = body?.trim().split(/\s+/) ?? [];
  if (fields.length !== 6) fail('expected six fields: minutes hours day-of-month month day-of-week year');
  const [minuteField, hourField, domField, monthField, dowField, yearField] = fields;
  if ((domField === '?') === (dowField === '?')) fail('exactly one of day-of-month and day-of-week must be ?');
  const minutes = [...parseList(minuteField, 0, 59, undefined, fail)].sort((a, b) => a - b);
  const hours = [...parseList(hourField, 0, 23, undefined, fail)].sort((a, b) => a - b);
  const months = parseList(monthField, 1, 12, MONTHS, fail);
  const years = parseList(yearField, 1970, 2199, undefined, fail);
  const dayTest = parseDayOfMonth(domField, fail) ?? (parseDayOfWeek(dowField, fail) as DayTest);

  const start = new Date(afterMs);
  let dayMs = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
  const endMs = dayMs + HORIZON_YEARS * 366 * DAY_MS;
  for (; dayMs <= endMs; dayMs += DAY_MS) {
    const day = new Date(dayMs);
    const y = day.getUTCFullYear();
    const m = day.getUTCMonth() + 1;
    const d = day.getUTCDate();
    if (!years.has(y) || !months.has(m) || !dayTest(y, m, d)) continue;
    for (const hour of hours) {
      for (const minute of minutes) {
        const at = dayMs + hour * 3_600_000 + minute * 60_000;
        if (at > afterMs) return at;
      }
    }
  }
  return undefined;
};
