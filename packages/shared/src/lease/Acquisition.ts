import type { Lease } from './Lease.js';

/**
 * What `Leases.acquire` found.
 *
 * - `acquired`: the caller holds the lease: fresh (fence 1), re-entered (same owner, live,
 *   same fence) or taken over from an expired, failed or released one (fence one more than
 *   `previous`, which is what was taken over).
 * - `completed`: the work was done already; a duplicate, answered from `lease.result`.
 * - `held`: another owner holds a live lease; `lease` is theirs.
 *
 * Only an `acquired` lease may be written to; its fence (the fencing token) guards every later
 * conditional write, so the answer stays right even when two acquisitions race (one write wins,
 * without a transaction, which dynalite lacks).
 */
export type Acquisition =
  | { outcome: 'acquired'; lease: Lease; previous?: Lease }
  | { outcome: 'completed'; lease: Lease }
  | { outcome: 'held'; lease: Lease };
