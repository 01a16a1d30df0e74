import type { ClockTimer, LocalClock } from '../clock/LocalClock.js';
import { parseScheduleExpression } from '../scheduler/parseScheduleExpression.js';
import type { ScheduleRule } from '../serverless/LocalRule.js';

/**
 * Puts the `rate(...)` schedule rules of the services on the clock: each fires one interval
 * after the cloud starts and every interval after, as a rule created at that moment would.
 *
 * `cron(...)` rules are not fired locally (the local cloud has no cron calendar); they stay in
 * the loaded rules, where the demo and tests can fire them by hand with `fireSchedule`.
 * Returns a function that takes the rules off the clock.
 */
export const startScheduleRules = (
  rules: readonly ScheduleRule[],
  clock: LocalClock,
  fire: (rule: ScheduleRule, at: Date) => Promise<void>,
): (() => void) => {
  const timers = new Set<ClockTimer>();
  let stopped = false;
  const plan = (rule: ScheduleRule, intervalMs: number, dueMs: number) => {
    const timer = clock.at(
      dueMs,
      async () => {
        timers.delete(timer);
        if (stopped) return;
        plan(rule, intervalMs, dueMs + intervalMs);
        await fire(rule, new Date(dueMs));
      },
      { label: `schedule rule ${rule.ruleName}` },
    );
    timers.add(timer);
  };
  for (const rule of rules) {
    for (const expression of rule.schedule.expressions) {
      const parsed = parseScheduleExpression(expression);
      if ('kind' in parsed && parsed.kind === 'rate') plan(rule, parsed.intervalMs, clock.nowMs() + parsed.intervalMs);
    }
  }
  return () => {
    stopped = true;
    for (const timer of timers) timer.cancel();
    timers.clear();
  };
};
