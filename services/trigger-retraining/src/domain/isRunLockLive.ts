/**
 * True when a run lock still blocks other triggers: held, and not past its expiry.
 *
 * The expiry is the time it was taken plus the pipeline's `guards.maxRunMinutes`; a held lock
 * past it is stale (its run's final status change was lost, or its function died before
 * starting) and no longer counts.
 */
export const isRunLockLive = (lock: { state: string; expiresAt: string }, now: Date): boolean =>
  lock.state === 'held' && Date.parse(lock.expiresAt) > now.getTime();
