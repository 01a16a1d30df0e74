import type { LeaseKey } from './LeaseKey.js';
import type { LeaseRecordFields } from './LeaseRecordFields.js';

/**
 * A request to hold a lease for `durationMs` from `now`.
 *
 * The caller chooses the duration: the Lambda's remaining time for a claim (see
 * `leaseDurationForInvocation`), so a retry after a time-out finds it expired; an explicit
 * duration for a lock held across invocations (a pipeline run lock for `maxRunMinutes`, a
 * deployment lock for hours). `owner` is what makes an acquisition re-entrant: the same owner
 * acquiring a live lease gets it back with the same fence. So choose it per attempt (the Lambda
 * request id) where a second delivery must be stopped, and per intent (the trigger's
 * ClientRequestToken) where a retry of the same intent must get the lock back. The `fence`,
 * not the owner, is what orders holders: an owner that takes its own expired lease over gets
 * the next fence, and its earlier attempt's conditional writes fail.
 */
export type AcquireRequest = {
  key: LeaseKey;
  owner: string;
  now: Date;
  durationMs: number;
  record: LeaseRecordFields;
};
