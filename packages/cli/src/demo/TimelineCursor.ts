import type { LocalCloud } from '@fleet/local-cloud';
import type { FleetConfig } from '@fleet/shared';
import { describeEvent } from './describeEvent.js';
import { describeInvocation } from './describeInvocation.js';
import type { TimelineEntry } from './TimelineEntry.js';

/**
 * Reads the local cloud's logs (bus events, schedules fired, invocations, dead letters) and
 * hands out, on each `next()`, the timeline entries of what happened since the previous call,
 * in time order.
 *
 * The demo calls it after each step, so the timeline is printed as the scenario goes.
 */
export class TimelineCursor {
  readonly #cloud: LocalCloud;
  readonly #config: FleetConfig;
  readonly #ruleTargets: Map<string, string>;
  #events = 0;
  #invocations = 0;
  #schedules = 0;
  #deadLetters = 0;

  constructor(cloud: LocalCloud, config: FleetConfig) {
    this.#cloud = cloud;
    this.#config = config;
    const short = (service: string) => service.replace(/^fleet-/, '');
    this.#ruleTargets = new Map(
      [...cloud.rules.rules, ...cloud.rules.schedules].map((rule) => [
        rule.ruleName,
        `${short(rule.service)}/${rule.functionName}`,
      ]),
    );
  }

  /** The entries of everything logged since the last call, oldest first. */
  next(): TimelineEntry[] {
    const cloud = this.#cloud;
    const entries: TimelineEntry[] = [];
    const events = cloud.events();
    for (const entry of events.slice(this.#events)) {
      entries.push(
        describeEvent(entry, {
          config: this.#config,
          ruleTarget: (ruleName) => this.#ruleTargets.get(ruleName) ?? ruleName,
        }),
      );
    }
    this.#events = events.length;

    const fired = cloud.scheduler.invocations();
    for (const invocation of fired.slice(this.#schedules)) {
      const target = cloud.functions.find((fn) => invocation.arn.endsWith(`:function:${fn.deployedName}`));
      entries.push({
        at: invocation.scheduledTime.toISOString(),
        service: 'scheduler',
        event: 'Schedule fired',
        decision: invocation.error === undefined ? 'due' : 'not delivered',
        why: `one-time schedule ${invocation.scheduleName} → ${
          target === undefined ? invocation.arn : `${target.service.replace(/^fleet-/, '')}/${target.functionName}`
        }${invocation.error === undefined ? '' : `: ${(invocation.error as Error).message ?? String(invocation.error)}`}`,
      });
    }
    this.#schedules = fired.length;

    const invocations = cloud.invocations();
    for (const invocation of invocations.slice(this.#invocations)) {
      const entry = describeInvocation(invocation);
      if (entry !== undefined) entries.push(entry);
    }
    this.#invocations = invocations.length;

    const deadLetters = cloud.deadLetters();
    for (const letter of deadLetters.slice(this.#deadLetters)) {
      entries.push({
        at: letter.failedAt,
        service: 'lambda',
        event: 'Dead letter',
        decision: `${letter.attempts} attempts`,
        why: `${letter.functionName}: ${letter.error.name}: ${letter.error.message}`,
      });
    }
    this.#deadLetters = deadLetters.length;

    // Stable: entries of the same instant keep the order in which they were logged.
    return entries
      .map((entry, index) => ({ entry, index, ms: Date.parse(entry.at) }))
      .sort((a, b) => a.ms - b.ms || a.index - b.index)
      .map(({ entry }) => entry);
  }
}
