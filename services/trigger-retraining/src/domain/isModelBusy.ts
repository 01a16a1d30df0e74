import type { ModelActivity } from './ModelActivity.js';

/**
 * How long after an approval its deployment may still be under way: SageMaker's longest
 * deployment (`MaximumExecutionTimeoutInSeconds` 28,800 s). A deployment that never reported
 * stops counting after it, so a lost record cannot block a model for good.
 */
export const deploymentWindowMs = 28_800_000;

const openApprovalStates = new Set(['pending', 'deciding', 'sent']);

/**
 * Why a model is already under repair, from its newest approval and deployment records, or
 * `undefined` when it is not.
 *
 * Waiting for approval: the newest approval is undecided, open and not yet expired. Deploying:
 * the newest approval was approved and no deployment record has been written since, within
 * {@link deploymentWindowMs} of the decision.
 *
 * @example isModelBusy({ approval: { at: 't', state: 'sent' } }, new Date()) // 'waiting for approval'
 */
export const isModelBusy = (activity: ModelActivity, now: Date): string | undefined => {
  const { approval, deployment } = activity;
  if (approval === undefined) return undefined;
  if (approval.decision === undefined) {
    const open = approval.state === undefined || openApprovalStates.has(approval.state);
    const live = approval.expiresAt === undefined || Date.parse(approval.expiresAt) > now.getTime();
    return open && live ? 'waiting for approval' : undefined;
  }
  if (approval.decision !== 'approved') return undefined;
  const decidedAt = Date.parse(approval.decidedAt ?? approval.at);
  const deployedSince = deployment !== undefined && Date.parse(deployment.at) >= decidedAt;
  if (deployedSince || now.getTime() - decidedAt >= deploymentWindowMs) return undefined;
  return 'deploying';
};
