import { type FleetHandlerContext, leaseDurationForInvocation } from '@fleet/shared';

/**
 * Who this invocation is (its request id: a second delivery is another owner) and how long its
 * leases hold: the Lambda's remaining time plus a margin, so a retry after a time-out takes over.
 */
export const invocationOptions = (
  context: Pick<FleetHandlerContext, 'lambdaContext'>,
): { owner: string; leaseMs: number } => ({
  owner: context.lambdaContext.awsRequestId,
  leaseMs: leaseDurationForInvocation(context.lambdaContext),
});
