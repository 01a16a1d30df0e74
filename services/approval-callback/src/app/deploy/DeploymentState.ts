import type { ApprovalExecutionInput } from '../ApprovalExecution.js';

/** Where one deployment runs and under which names: what the lease's holder carries through the branch. */
export type DeploymentPlan = {
  /** The approval's id: one deployment per approval, and the owner of the endpoint's lease. */
  deploymentId: string;
  endpointName: string;
  variantName: string;
  strategy: string;
  modelName: string;
  endpointConfigName: string;
  /** When the lease was taken: the deployment record's time. */
  startedAt: string;
  /** Until when the deployment may run before it ends as `timeout`. */
  deadline: string;
};

/**
 * What taking the endpoint's lease came to (`$.deployment`): `acquired` with the plan, `held` by
 * another deployment (the state machine waits and asks again), `superseded` by a newer approved
 * package (nothing is deployed), or `none` for a model the fleet does not deploy (no
 * `deployment` section: the approval ends there).
 */
export type AcquireOutput =
  | { outcome: 'none'; reason: string }
  | ({ outcome: 'acquired' } & DeploymentPlan)
  | ({ outcome: 'held'; heldBy: string } & DeploymentPlan)
  | ({ outcome: 'superseded'; supersededBy: string } & DeploymentPlan);

/** What a caught task failure leaves at `$.deploymentError` (Step Functions' `Error` and `Cause`). */
export type CaughtError = { Error: string; Cause?: string };

/** The state the deployment tasks receive: the execution's input and what the branch has found so far. */
export type DeploymentTaskInput = ApprovalExecutionInput & {
  deployment?: AcquireOutput;
  endpoint?: { outcome: string; message?: string; status?: string; endpointConfigName?: string };
  deploymentError?: CaughtError;
};
