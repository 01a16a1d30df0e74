import type { TriggerClaim, TriggerStore } from '../ports.js';
import type { Guard, GuardContext } from './Guard.js';

/** How long a claim that never finished (its function crashed or timed out) blocks a retry. */
export const defaultClaimLeaseMs = 5 * 60 * 1000;

/**
 * Claims a trigger's ClientRequestToken with a conditional write; true when this delivery holds it.
 *
 * A second delivery finds the claim and loses, however close together the two run. A claim
 * that finished (`done`) always wins over a redelivery; one whose start failed (`failed`), or
 * that was left `claimed` for longer than the lease by a crashed invocation, may be taken
 * over by the retry, again with a conditional write so only one retry takes it. A retry that
 * re-sends StartPipelineExecution is safe: it carries the same ClientRequestToken.
 */
export const claimTrigger = async (
  store: TriggerStore,
  context: GuardContext,
  leaseMs = defaultClaimLeaseMs,
): Promise<boolean> => {
  const claim: TriggerClaim = {
    token: context.token,
    pipeline: context.settings.key,
    trigger: context.request.trigger,
    status: 'claimed',
    claimedAt: context.now.toISOString(),
    correlationId: context.request.correlationId,
  };
  if (await store.putClaim(claim)) return true;
  const existing = await store.getClaim(context.token);
  if (existing === undefined) return store.putClaim(claim);
  const expired = Date.parse(existing.claimedAt) + leaseMs <= context.now.getTime();
  const free = existing.status === 'failed' || (existing.status === 'claimed' && expired);
  if (!free) return false;
  return store.takeOverClaim(claim, { status: existing.status, claimedAt: existing.claimedAt });
};

/**
 * The duplicate guard: stops a trigger whose identity another delivery already claimed.
 *
 * EventBridge delivers at least once, so the same event may arrive twice, even at the same
 * moment; the claim is a conditional write keyed by the ClientRequestToken.
 */
export const duplicateGuard = (store: TriggerStore, leaseMs = defaultClaimLeaseMs): Guard => ({
  reason: 'duplicate',
  stops: async (context) => !(await claimTrigger(store, context, leaseMs)),
});
