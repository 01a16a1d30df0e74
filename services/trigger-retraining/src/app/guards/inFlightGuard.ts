import { isRunLockLive } from '../../domain/isRunLockLive.js';
import type { PipelineRunner, TriggerStore } from '../ports.js';
import type { Guard } from './Guard.js';

/**
 * The in-flight guard: stops a trigger while a run of its pipeline holds the pipeline's run
 * lock or an execution of it is `Executing`.
 *
 * The lock covers runs the fleet started, including one whose start is still on its way to
 * SageMaker; asking SageMaker as well covers a run started by hand in Studio. A lock held by
 * this trigger's own token (an earlier attempt that died after taking it) does not stop it,
 * and neither does SageMaker then: the run executing is most likely that attempt's, and
 * re-sending the start with the same token returns it. A stale lock (older than
 * `guards.maxRunMinutes`) does not count. The lock is taken only after every guard passed
 * (see `TriggerStore.acquireRunLock`), which is what makes two different triggers racing start one run.
 */
export const inFlightGuard = (runner: PipelineRunner, store: TriggerStore): Guard => ({
  reason: 'in-flight',
  stops: async ({ settings, token, now }) => {
    const lock = await store.getRunLock(settings.pipelineName);
    if (lock !== undefined && isRunLockLive(lock, now)) return lock.token !== token;
    return runner.isExecuting(settings.pipelineName);
  },
});
