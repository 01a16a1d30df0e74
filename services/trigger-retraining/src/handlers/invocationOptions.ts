import { type FleetHandlerContext, leaseDurationForInvocation } from '@fleet/shared';
import type { DecideOptions } from '../app/decideTrigger.js';

/**
 * How this invocation decides: its claim on the trigger holds for the Lambda's remaining time
 * plus a margin, so the retry Lambda sends after a time-out takes it over at once.
 */
export const invocationOptions = (context: Pick<FleetHandlerContext, 'lambdaContext'>): DecideOptions => ({
  claimLeaseMs: leaseDurationForInvocation(context.lambdaContext),
});
