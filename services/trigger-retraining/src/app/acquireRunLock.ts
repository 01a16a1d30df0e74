import type { RunLock, TriggerStore } from './ports.js';

/**
 * True when a run lock still blocks other triggers: held, and taken less than `maxRunMinutes` ago.
 *
 * A held lock older than that is stale: its run's final status change was lost (or its
 * function died before starting), and it no longer counts.
 */
export const isRunLockLive = (lock: RunLock, maxRunMinutes: number, now: Date): boolean =>
  lock.status === 'held' && now.getTime() - Date.parse(lock.acquiredAt) < maxRunMinutes * 60_000;

/**
 * Takes a pipeline's run lock with a conditional write; true when this trigger holds it.
 *
 * Two different triggers (a schedule tick and a dataset landing, say) can pass the guards at
 * the same moment; only one of them creates the lock, and the other is answered as in flight.
 * A lock that was released, or that is stale, is taken over with a conditional write on the
 * holder's token and time, so of two triggers racing for it only one wins. A lock already
 * held by the same token (an earlier attempt of this trigger that died after taking it) is
 * this trigger's: re-sending the start with the same ClientRequestToken returns the same run.
 */
export const acquireRunLock = async (
  store: TriggerStore,
  lock: RunLock,
  maxRunMinutes: number,
  now: Date,
): Promise<boolean> => {
  if (await store.putRunLock(lock)) return true;
  const existing = await store.getRunLock(lock.pipelineName);
  if (existing === undefined) return store.putRunLock(lock);
  if (existing.status === 'held' && existing.token === lock.token) return true;
  if (isRunLockLive(existing, maxRunMinutes, now)) return false;
  return store.takeOverRunLock(lock, {
    status: existing.status,
    token: existing.token,
    acquiredAt: existing.acquiredAt,
  });
};
