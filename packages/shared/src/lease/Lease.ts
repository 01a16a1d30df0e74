import type { FleetRecord } from '../records/FleetRecord.js';
import type { LeaseKey } from './LeaseKey.js';
import type { LeaseStateValue } from './LeaseState.js';

/**
 * A lease as read or written: who holds the right to act once, until when, and under which fence.
 *
 * `fence` is the fencing token: 1 for a fresh lease, one more at each takeover. Every write of a
 * holder is conditioned on the state, owner and fence it holds, so a holder whose lease expired
 * and was taken over (a Lambda that was frozen, then thawed) gets `false` and can never overwrite
 * the newer holder's work. `record` is the whole stored item, payload included.
 */
export type Lease = {
  key: LeaseKey;
  state: LeaseStateValue;
  owner: string;
  fence: number;
  /** ISO time this holder acquired (or took over) the lease. */
  acquiredAt: string;
  /** ISO time after which another owner may take a `held` lease over. */
  expiresAt: string;
  /** ISO time of `complete`, `fail` or `release`. */
  settledAt?: string;
  /** What `complete` stored, so a duplicate can answer without redoing the work. */
  result?: Record<string, unknown>;
  /** What `fail` (or the reason `release`) stored, message at most 500 characters. */
  failure?: { name: string; message: string };
  record: FleetRecord;
};
