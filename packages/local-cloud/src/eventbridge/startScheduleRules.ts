import type { ClockTimer, LocalClock } from '../clock/LocalClock.js';
import { parseScheduleExpression } from '../scheduler/parseScheduleExpression.js';
import type { ScheduledRule } from './BusRule.js';
import { nextCronTime } from './nextCronTime.js';

/** A schedule rule expression the clock cannot fire, and why. */
export type UnfiredSchedule = { ruleName: string; expression: string; reason: string };

/**
 * Puts the schedule rules of the services on the clock, as EventBridge fires them: a
 * `rate(...)` rule one interval after the cloud starts and every interval after; a `cron(...)`
 * rule at each matching minute, in UTC.
 *
 * Returns how to take the rules off the clock, and the expressions it could not plan (an
 * invalid cron, or a cron with a time zone other than UTC), which stay unfired.
 */
export const startScheduleRules = (
  rules: readonly ScheduledRule[],
  clock: LocalClock,
  fire: (rule: ScheduledRule, at: Date) => Promise<void>,
): { stop: () => void; unfired: UnfiredSchedule[] } => {
  const timers = new Set<ClockTimer>();
  const unfired: UnfiredSchedule[] = [];
  let stopped = false;
  const plan = (rule: ScheduledRule, dueMs: number | undefined, following: (dueMs: number) => number | undefined) => {
    if (dueMs === undefined || stopped) return;
    const timer = clock.at(
      dueMs,
      async () => {
        timers.delete(timer);
        if (stopped) return;
        plan(rule, following(dueMs), following);
        await fire(rule, new Date(dueMs));
      },
      { label: `schedule rule ${rule.ruleName}` },
    );
    timers.add(timer);
  };
  for (const rule of rules) {
    for (const expression of rule.schedule.expressions) {
      const skip = (reason: string) => unfired.push({ ruleName: rule.ruleName, expression, reason });
      if (expression.startsWith('cron(')) {
        if (rule.schedule.timezone !== undefined && rule.schedule.timezone !== 'UTC') {
          skip(`time zone ${rule.schedule.timezone} is not supported locally; cron rules run in UTC`);
          continue;
        }
        try {
          const following = (afterMs: number) => nextCronTime(expression, afterMs);
          plan(rule, following(clock.nowMs()), following);
        } catch (error) {
          skip((error as Error).message);
        }
        continue;
      }
      const parsed = parseScheduleExpression(expression);
      if (!('kind' in parsed) || parsed.kind !== 'rate') {
        skip('problem' in parsed ? parsed.problem : `not a rate or cron expression`);
        continue;
      }
      const { intervalMs } = parsed;
      plan(rule, clock.nowMs() + intervalMs, (dueMs) => dueMs + intervalMs);
    }
  }
  return {
    stop: () => {
      stopped = true;
      for (const timer of timers) timer.cancel();
      timers.clear();
    },
    unfired,
  };
};
