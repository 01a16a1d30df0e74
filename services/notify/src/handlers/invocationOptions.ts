import type { FleetHandlerContext } from '@fleet/shared';
import type { InvocationOptions } from '../app/ports.js';

/**
 * How this invocation delivers: its Lambda request id owns the delivery records it claims (a
 * Lambda retry of the same event reuses it), and waits are bounded by its remaining time.
 */
export const invocationOptions = (
  context: Pick<FleetHandlerContext, 'lambdaContext' | 'correlationId'>,
): InvocationOptions => ({
  owner: context.lambdaContext?.awsRequestId ?? context.correlationId,
  remainingMs: () => context.lambdaContext?.getRemainingTimeInMillis?.() ?? 30_000,
});
