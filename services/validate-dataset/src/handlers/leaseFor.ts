import { leaseDurationForInvocation } from '@fleet/shared';
import type { Context } from 'aws-lambda';
import { DEFAULT_LEASE_MS } from '../app/validateObject.js';

/**
 * How long this invocation holds its claim: the Lambda's remaining time plus a few seconds
 * (`leaseDurationForInvocation`), or {@link DEFAULT_LEASE_MS} outside Lambda.
 *
 * Tied to the deadline so that when an invocation dies by time-out, the retry Lambda sends about
 * a minute later finds the lease expired and takes the claim over, rather than waiting for it.
 */
export const leaseFor = (context: Pick<Context, 'getRemainingTimeInMillis'> | undefined): number =>
  typeof context?.getRemainingTimeInMillis === 'function' ? leaseDurationForInvocation(context) : DEFAULT_LEASE_MS;
