/**
 * The states of a lease, one vocabulary for every exactly-once decision of the fleet.
 *
 * `held`: someone works under it until `expiresAt`; `completed`: done, every later attempt is a
 * duplicate and the lease is never taken over; `failed` and `released`: given up (with or without
 * an error), so the next attempt takes the lease over at once. Every write names the state it
 * expects (with the owner and the fencing token `fence`) in a single-item condition, which is
 * how a takeover or a late holder loses cleanly without a transaction (dynalite has none). An
 * `as const` object, not an enum, so the values are plain strings in those conditions.
 */
export const LeaseState = {
  held: 'held',
  completed: 'completed',
  failed: 'failed',
  released: 'released',
} as const;

/** One of the {@link LeaseState} values. */
export type LeaseStateValue = (typeof LeaseState)[keyof typeof LeaseState];
