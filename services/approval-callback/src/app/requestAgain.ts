import type { LoadedFleetConfig } from '@fleet/shared';
import { approvalIdFor } from '../domain/approvalId.js';
import { ApprovalNotExpiredError, UnknownModelPackageGroupError } from '../domain/errors.js';
import type { ApprovalPorts } from './ApprovalPorts.js';
import { type BeginOutcome, beginApproval } from './beginApproval.js';
import { modelForGroup } from './modelSettings.js';

/** The most attempts `requestAgain` looks through for a package. */
const MAX_ATTEMPTS = 100;

/**
 * Asks again for a package whose last approval expired: a new attempt, with its own approval
 * id, execution name and start lease (the idempotency key includes the attempt number).
 *
 * @throws ApprovalNotExpiredError when the package never had an approval, or its last one is
 *   still open or was decided
 * @throws UnknownModelPackageGroupError when no model approves the package's group
 */
export const requestAgain = async (
  input: { modelPackageArn: string; owner: string; leaseMs: number },
  config: Pick<LoadedFleetConfig, 'models'>,
  ports: Pick<ApprovalPorts, 'store' | 'registry' | 'workflow' | 'events' | 'clock' | 'logger' | 'metrics'>,
): Promise<BeginOutcome> => {
  const { store } = ports;
  const described = await ports.registry.describe(input.modelPackageArn);
  const settings = modelForGroup(config, described.modelPackageGroup);
  if (settings === undefined) throw new UnknownModelPackageGroupError(described.modelPackageGroup);
  let last = 0;
  while (
    last < MAX_ATTEMPTS &&
    (await store.leases.get(store.startKey(input.modelPackageArn, last + 1))) !== undefined
  ) {
    last++;
  }
  if (last === 0) throw new ApprovalNotExpiredError(input.modelPackageArn, 'absent');
  const lastId = approvalIdFor(input.modelPackageArn, last);
  const [request, decision] = await Promise.all([
    store.getRequest(lastId),
    store.leases.get(store.decisionKey(lastId)),
  ]);
  const expired = request?.closedAs?.decision === 'expired' || decision?.record.decision === 'expired';
  if (!expired) {
    const state = decision === undefined ? 'open' : `${String(decision.record.decision)} (${decision.state})`;
    throw new ApprovalNotExpiredError(input.modelPackageArn, state);
  }
  const lineage = described.generatedBy === undefined ? undefined : await store.lineage(described.generatedBy);
  return beginApproval(
    {
      settings,
      modelPackageArn: input.modelPackageArn,
      modelPackageVersion: described.version ?? request?.modelPackageVersion ?? 0,
      attempt: last + 1,
      correlationId: lineage?.correlationId ?? request?.correlationId ?? `request-again-${lastId}`,
      owner: input.owner,
      leaseMs: input.leaseMs,
    },
    ports,
  );
};
