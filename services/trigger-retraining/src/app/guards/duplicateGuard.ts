import type { TriggerStore } from '../ports.js';
import type { Guard, GuardContext } from './Guard.js';

/** How long a claim that never finished (its function crashed or timed out) blocks a retry. */
export const defaultClaimLeaseMs = 5 * 60 * 1000;

/**
 * Claims a trigger's ClientRequestToken for this attempt; true when this attempt holds it.
 *
 * The claim is a lease (see `TriggerStore.claimTrigger`): a second delivery finds it and loses,
 * however close together the two run. A completed claim always wins over a redelivery; one
 * whose start failed, or that was left `held` for longer than the lease by a crashed
 * invocation, is taken over by the retry with a conditional write, so only one retry takes it.
 * A retry that re-sends StartPipelineExecution is safe: it carries the same ClientRequestToken.
 */
export const claimTrigger = (
  store: TriggerStore,
  context: GuardContext,
  leaseMs = defaultClaimLeaseMs,
): Promise<boolean> =>
  store.claimTrigger(
    {
      token: context.token,
      pipeline: context.settings.key,
      trigger: context.request.trigger,
      correlationId: context.request.correlationId,
      owner: context.attempt,
    },
    context.now,
    leaseMs,
  );

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
