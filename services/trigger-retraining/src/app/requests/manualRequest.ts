import type { TriggerRequest } from '../../domain/TriggerRequest.js';
import { triggerIdentity } from '../../domain/triggerIdentity.js';
import type { ManualStart } from '../../events/ManualStart.js';

/**
 * The request a direct invocation makes: its identity is the caller's `requestId`.
 *
 * The correlation id is the caller's when given, else the request id, so a caller can follow
 * its request across events and records.
 */
export const manualRequest = (input: ManualStart): TriggerRequest => {
  const reason =
    input.reason ??
    `manual start${input.requestedBy === undefined ? '' : ` by ${input.requestedBy}`} (${input.requestId})`;
  return {
    pipeline: input.pipeline,
    trigger: triggerIdentity({ kind: 'manual', requestId: input.requestId }),
    reason,
    correlationId: input.correlationId ?? input.requestId.slice(0, 256),
    requested: input.parameters,
    offered: { reason },
  };
};
