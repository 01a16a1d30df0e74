import { isModelBusy } from '../../domain/isModelBusy.js';
import { isRunLockLive } from '../../domain/isRunLockLive.js';
import type { PipelineRunner, TriggerStore } from '../ports.js';
import type { Guard } from './Guard.js';

/** How far back the model's approval and deployment records are read. */
export const activityLookbackDays = 30;

/**
 * The model-busy guard: stops a drift trigger while its model is already under repair: a
 * retrain of its pipeline is running (the run lock of another trigger, or an execution
 * `Executing`), its newest package waits for approval, or an approved package is being deployed.
 * So a model whose fix is on its way is not retrained again at every cooldown. Other triggers
 * pass (they meet the in-flight guard).
 */
export const modelBusyGuard = (runner: PipelineRunner, store: TriggerStore): Guard => ({
  reason: 'model-busy',
  stops: async ({ request, settings, token, now }) => {
    if (request.drift === undefined) return false;
    const lock = await store.getRunLock(settings.pipelineName);
    if (lock !== undefined && isRunLockLive(lock, now)) return lock.token !== token;
    if (await runner.isExecuting(settings.pipelineName)) return true;
    const since = new Date(now.getTime() - activityLookbackDays * 86_400_000);
    return isModelBusy(await store.modelActivity(request.drift.model, since), now) !== undefined;
  },
});
