import { FleetMetric } from '@fleet/shared';
import type { ApprovalPorts } from './ApprovalPorts.js';
import { type DecideOptions, type DecideOutcome, decideOnce } from './decideOnce.js';

/** An operator's decision, by direct invocation. */
export type OperatorDecision = {
  approvalId: string;
  decision: 'approved' | 'rejected';
  decidedBy: string;
  reason: string;
};

/**
 * Takes an operator's decision through the same exactly-once path as a Slack click, for teams
 * without Slack and for tests. IAM on the function is the authorisation.
 *
 * An `unsent` outcome is returned, not thrown: the decision stands and a repeated call sends it.
 */
export const decideDirectly = async (
  input: OperatorDecision,
  ports: Pick<ApprovalPorts, 'store' | 'workflow' | 'clock' | 'logger' | 'metrics'>,
  options: DecideOptions,
): Promise<DecideOutcome> => {
  const request = await ports.store.getRequest(input.approvalId);
  if (request === undefined) return { status: 'unknown' };
  const outcome = await decideOnce(
    request,
    {
      decision: input.decision,
      decidedBy: input.decidedBy,
      decidedAt: ports.clock.now().toISOString(),
      reason: input.reason,
    },
    ports,
    options,
  );
  if (outcome.status === 'already') ports.metrics.addMetric(FleetMetric.ApprovalsAlreadyDecided, 'Count', 1);
  return outcome;
};
