import type { LocalDateTime } from './zonedTimeToUtc.js';

/** A parsed schedule expression: one time (`at`) or a fixed interval (`rate`). */
export type ScheduleExpression =
  | { kind: 'at'; local: LocalDateTime }
  | { kind: 'rate'; intervalMs: number }
  | { kind: 'cron'; fields: string[] };

/** Why an expression was refused; the caller turns it into a ValidationException. */
export type ScheduleExpressionProblem = { problem: string };

const AT = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/;
const RATE = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/;
const CRON = /^cron\((.*)\)$/;
const UNIT_MS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Parses an EventBridge Scheduler expression: `at(yyyy-mm-ddThh:mm:ss)`, `rate(value unit)` or `cron(fields)`.
 *
 * `at` dates are checked against the calendar (no 31 April); `rate` takes a positive integer and
 * `minute(s)`, `hour(s)` or `day(s)`; `cron` is only split into its six fields.
 */
export const parseScheduleExpression = (expression: string): ScheduleExpression | ScheduleExpressionProblem => {
  const at = AT.exec(expression);
  if (at) {
    const [year, month, day, hour, minute, second] = at.slice(1).map(Number);
    if (
      month < 1 ||
      month > 12 ||
      day < 1 ||
      day > daysInMonth(year, month) ||
      hour > 23 ||
      minute > 59 ||
      second > 59
    ) {
      return { problem: `Invalid Schedule Expression ${expression}: not a valid date and time.` };
    }
    return { kind: 'at', local: { year, month, day, hour, minute, second } };
  }
  const rate = RATE.exec(expression);
  if (rate) {
    const value = Number(rate[1]);
    if (value < 1)
      return { problem: `Invalid Schedule Expression ${expression}: the value must be a positive integer.` };
    return { kind: 'rate', intervalMs: value * UNIT_MS[rate[2].replace(/s$/, '')] };
  }
  const cron = CRON.exec(expression);
  if (cron) {
    const fields = cron[1].trim().split(/\s+/);
    if (fields.length !== 6) {
      return { problem: `Invalid Schedule Expression ${expression}: a cron expression has six fields.` };
    }
    return { kind: 'cron', fields };
  }
  return {
    problem: `Invalid Schedule Expression ${expression}. Use at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(fields).`,
  };
};
