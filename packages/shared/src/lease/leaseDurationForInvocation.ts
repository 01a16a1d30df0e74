/**
 * Added to the remaining time so a retry that arrives right at the deadline still waits its turn.
 *
 * The margin covers clock skew between invocations; the fence, not the margin, is what keeps a
 * late holder from overwriting its successor.
 */
export const DEFAULT_LEASE_MARGIN_MS = 5_000;

/**
 * How long an invocation holds a claim: until Lambda would stop it, plus a margin.
 *
 * Tied to the deadline so that when an invocation dies by time-out, the retry Lambda sends about
 * a minute later finds the lease expired and takes it over (with the next fence, so the dead
 * invocation's conditional writes fail if it ever wakes), instead of waiting for a fixed lease
 * to run out.
 *
 * A context past its deadline (remaining time 0 or less) still gets the margin.
 *
 * @throws RangeError when the remaining time or the margin is not a finite number
 * @example
 * leaseDurationForInvocation({ getRemainingTimeInMillis: () => 60_000 }) // 65_000
 */
export const leaseDurationForInvocation = (
  context: { getRemainingTimeInMillis(): number },
  marginMs: number = DEFAULT_LEASE_MARGIN_MS,
): number => {
  const remaining = context.getRemainingTimeInMillis();
  if (!Number.isFinite(remaining)) throw new RangeError(`remaining time must be a finite number, got ${remaining}`);
  if (!Number.isFinite(marginMs) || marginMs < 0) {
    throw new RangeError(`marginMs must be a finite number of 0 or more, got ${marginMs}`);
  }
  return Math.max(0, remaining) + marginMs;
};
