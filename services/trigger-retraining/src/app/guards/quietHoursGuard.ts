import type { QuietHoursConfig } from '@fleet/shared';
import type { Guard } from './Guard.js';

const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const minutes = (clock: string): number => {
  const [h, m] = clock.split(':').map(Number);
  return h * 60 + m;
};

/** The wall-clock minute of the day and the weekday at `at` in `timeZone`. */
const localTime = (at: Date, timeZone: string): { minute: number; day: number } => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = weekdays.indexOf(part('weekday').toLowerCase() as (typeof weekdays)[number]);
  return { minute: Number(part('hour')) * 60 + Number(part('minute')), day };
};

/**
 * True when `at` falls inside the window, read on the wall clock of the window's time zone.
 *
 * The start is inclusive and the end exclusive. A window whose end is not after its start
 * crosses midnight (`23:00`-`05:00`); equal start and end mean the whole day. `days` names
 * the days a window starts on, so with `days: [fri]` the night from Friday 23:00 to Saturday
 * 05:00 is quiet and the night from Saturday to Sunday is not.
 */
export const inQuietWindow = (window: QuietHoursConfig, at: Date): boolean => {
  const { minute, day } = localTime(at, window.timeZone);
  const start = minutes(window.start);
  const end = minutes(window.end);
  const startsOn = (d: number) => window.days === undefined || window.days.includes(weekdays[(d + 7) % 7]);
  if (start < end) return minute >= start && minute < end && startsOn(day);
  if (start === end) return startsOn(day);
  if (minute >= start) return startsOn(day);
  if (minute < end) return startsOn(day - 1);
  return false;
};

/**
 * The quiet-hours guard: stops non-critical triggers inside a configured window.
 *
 * Which trigger kinds are critical is configured per pipeline (`criticalTriggers`); critical
 * triggers such as drift or a manual start run at any hour.
 */
export const quietHoursGuard = (): Guard => ({
  reason: 'quiet-hours',
  stops: ({ request, settings, now }) =>
    !settings.guards.criticalTriggers.includes(request.trigger.kind) &&
    settings.guards.quietHours.some((window) => inQuietWindow(window, now)),
});
