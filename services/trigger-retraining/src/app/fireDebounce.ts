import { ceilToSecond, debounceScheduleName } from '../domain/debounceScheduleName.js';
import type { PipelineSettings } from '../domain/PipelineSettings.js';
import type { TriggerRequest } from '../domain/TriggerRequest.js';
import { triggerIdentity } from '../domain/triggerIdentity.js';
import { type DecideOptions, decideTrigger, type TriggerOutcome } from './decideTrigger.js';
import type { DebounceFire, PendingLandings, TriggerPorts } from './ports.js';

/** Slack allowed between Scheduler's clock and Lambda's when judging whether the window passed. */
export const debounceToleranceMs = 1000;

/** The run a debounce fire asks for: everything under the prefix, identified by the prefix and its last landing. */
export const debouncedRequest = (pending: PendingLandings, settings: PipelineSettings): TriggerRequest => {
  const { lastLanding } = pending;
  const reason =
    `${pending.landings} dataset landing${pending.landings === 1 ? '' : 's'} under ${pending.prefix}` +
    ` since ${pending.firstLandingAt}, quiet for ${settings.guards.debounceSeconds}s after the last (${lastLanding.key})`;
  return {
    pipeline: settings.key,
    trigger: triggerIdentity({ kind: 'debounce', prefix: pending.prefix, lastLanding: lastLanding.triggerId }),
    reason,
    correlationId: lastLanding.correlationId,
    requested: {},
    offered: {
      s3Uri: pending.prefix,
      dataset: lastLanding.dataset,
      contractHash: lastLanding.contractHash,
      reason,
    },
    landing: {
      prefix: pending.prefix,
      bucket: lastLanding.bucket,
      key: lastLanding.key,
      dataset: lastLanding.dataset,
      contractHash: lastLanding.contractHash,
    },
    debounced: true,
    covers: { objects: pending.objects ?? [], omitted: pending.objectsOmitted ?? 0 },
  };
};

/**
 * Handles the firing of a prefix's debounce schedule: one run for everything that landed, once
 * the prefix has been quiet for the window.
 *
 * When a landing arrived after the schedule was armed, the prefix is not quiet yet: the fire
 * does nothing but make sure the schedule is armed for the end of the new window (the later
 * landing normally did that already; this covers two landings racing). Otherwise the run goes
 * through the guards like any trigger, its identity being the prefix and its last landing, so
 * a redelivered fire is a duplicate and starts nothing new.
 */
export const fireDebounce = async (
  fire: DebounceFire,
  settings: PipelineSettings,
  ports: TriggerPorts,
  options: DecideOptions = {},
): Promise<TriggerOutcome> => {
  const pending = await ports.store.getPending(settings.key, fire.prefix);
  if (pending === undefined) return { status: 'ignored', why: `no landings pending under ${fire.prefix}` };
  const now = ports.clock.now();
  const dueAt = Date.parse(pending.lastLanding.at) + settings.guards.debounceSeconds * 1000;
  if (now.getTime() + debounceToleranceMs < dueAt) {
    await ports.scheduler.arm({
      name: debounceScheduleName(settings.key, fire.prefix),
      at: ceilToSecond(dueAt),
      payload: { kind: 'debounce', pipeline: settings.key, prefix: fire.prefix, armedAt: pending.armedAt },
    });
    return { status: 'ignored', why: `a landing at ${pending.lastLanding.at} re-armed the debounce window` };
  }
  const outcome = await decideTrigger(debouncedRequest(pending, settings), settings, ports, options);
  await ports.store.markLandingsConsumed(settings.key, fire.prefix, pending.lastLanding.triggerId);
  return outcome;
};
