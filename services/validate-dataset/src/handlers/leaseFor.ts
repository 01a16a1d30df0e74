import type { Context } from 'aws-lambda';
import { DEFAULT_LEASE_MS } from '../app/validateObject.js';

/** Added to the remaining time so a retry that arrives right at the deadline still waits its turn. */
const MARGIN_MS = 5_000;

/**
 * How long this invocation holds its claim: until Lambda would stop it, plus a few seconds.
 *
 * Tied to the deadline so that when an invocation dies by time-out, the retry Lambda sends about
 * a minute later finds the lease expired and takes the claim over, rather than waiting for it.
 */
export const leaseFor = (context: Pick<Context, 'getRemainingTimeInMillis'> | undefined): number => {
  const remaining = context?.getRemainingTimeInMillis?.();
  return typeof remaining === 'number' && remaining > 0 ? remaining + MARGIN_MS : DEFAULT_LEASE_MS;
};
