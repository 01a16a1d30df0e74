import { pausedRetraining } from '../../domain/pausedRetraining.js';
import type { TriggerStore } from '../ports.js';
import type { Guard } from './Guard.js';

/**
 * The paused guard: stops every trigger (schedule, dataset, drift, manual, debounce) of a
 * pipeline while an operator has paused the retraining of one of the models it trains
 * (`fleet pause <model> --retraining`). The decision record keeps who paused which model, when
 * and why; `fleet resume` lets the next trigger through.
 */
export const pausedGuard = (store: TriggerStore): Guard => ({
  reason: 'paused',
  stops: async ({ settings }) => {
    if (settings.models.length === 0) return false;
    const paused = pausedRetraining(await store.pauseSwitches(settings.models));
    if (paused === undefined) return false;
    return {
      details: {
        pausedModel: paused.model,
        pausedBy: paused.by,
        pausedAt: paused.at,
        ...(paused.reason === undefined ? {} : { pauseReason: paused.reason }),
      },
    };
  },
});
