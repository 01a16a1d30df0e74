/** The span of traffic one check judges: `[start, end)`, in UTC. */
export type DriftWindow = { start: Date; end: Date };

const MINUTE_MS = 60_000;

/**
 * The window a check at `scheduledTime` judges: it ends `graceMinutes` before the scheduled
 * time (floored to the minute) and lasts `windowMinutes`.
 *
 * The scheduled time comes from the schedule event, which a redelivery or a retry repeats, so
 * every attempt of one tick judges the same window; the grace lets late capture files land.
 *
 * @example
 * driftWindow(new Date('2026-03-02T00:10:00Z'), 1440, 10)
 * // { start: 2026-03-01T00:00:00.000Z, end: 2026-03-02T00:00:00.000Z }
 */
export const driftWindow = (scheduledTime: Date, windowMinutes: number, graceMinutes: number): DriftWindow => {
  const endMs = Math.floor(scheduledTime.getTime() / MINUTE_MS) * MINUTE_MS - graceMinutes * MINUTE_MS;
  return { start: new Date(endMs - windowMinutes * MINUTE_MS), end: new Date(endMs) };
};

/** `[start, end)` as ISO strings, as events and records carry it. */
export const windowIso = (window: DriftWindow): { start: string; end: string } => ({
  start: window.start.toISOString(),
  end: window.end.toISOString(),
});

/** True when `at` (ISO) falls inside the window; an unreadable time is outside. */
export const inWindow = (window: DriftWindow, at: string): boolean => {
  const ms = Date.parse(at);
  return Number.isFinite(ms) && ms >= window.start.getTime() && ms < window.end.getTime();
};
