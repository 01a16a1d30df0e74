import { ApprovalError } from '../../domain/errors.js';
import type { DeploymentPlan, DeploymentTaskInput } from './DeploymentState.js';

/**
 * The plan of a deployment that holds its endpoint's lease (`$.deployment` with `outcome: acquired`).
 *
 * @throws ApprovalError when the state carries no acquired deployment (a state machine wired wrong)
 */
export const requirePlan = (input: DeploymentTaskInput): DeploymentPlan => {
  if (input.deployment?.outcome !== 'acquired') {
    throw new ApprovalError(
      `deployment of ${input.modelPackageArn}: the task runs without an acquired deployment at $.deployment`,
    );
  }
  return input.deployment;
};
