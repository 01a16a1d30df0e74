import type { TriggerStore } from '../ports.js';
import type { Guard } from './Guard.js';

/**
 * The cooldown guard: stops a trigger within `cooldownMinutes` of the pipeline's last start.
 *
 * The last start comes from the pipeline's history of trigger records (one Query), so it
 * counts runs the fleet started; `cooldownMinutes: 0` turns the guard off without a read.
 */
export const cooldownGuard = (store: TriggerStore): Guard => ({
  reason: 'cooldown',
  stops: async ({ settings, now }) => {
    const windowMs = settings.guards.cooldownMinutes * 60_000;
    if (windowMs <= 0) return false;
    const last = await store.lastStartAt(settings.key, new Date(now.getTime() - windowMs));
    return last !== undefined && now.getTime() - last.getTime() < windowMs;
  },
});
