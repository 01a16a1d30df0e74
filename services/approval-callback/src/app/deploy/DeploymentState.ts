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
 * package (nothing is deployed), `paused` because an operator paused the model's deployments (a
 * `paused` deployment record is written, the endpoint is not touched and the execution ends
 * there), or `none` for a model the fleet does not deploy (no `deployment` section: the
 * approval ends there).
 */
export type AcquireOutput =
  | { outcome: 'none'; reason: string }
  | ({ outcome: 'paused'; pausedBy: string; reason: string } & DeploymentPlan)
  | ({ outcome: 'acquired' } & DeploymentPlan)
  | ({ outcome: 'held'; heldBy: string } & DeploymentPlan)
  | ({ outcome: 'superseded'; supersededBy: string } & DeploymentPlan);

/** What a caught task failure leaves at `$.deploymentError` (Step Functions' `Error` and `Cause`). */
export type CaughtError = { Error: string; Cause?: string };

/**
 * What an operator's rollback adds to the execution's input (`$.rollback`, with `mode: 'rollback'`):
 * who asked, why, and the package the rollback replaces.
 */
export type RollbackRequest = {
  requestedBy: string;
  reason?: string;
  /** The package serving when the rollback was asked (the one it replaces). */
  previousModelPackageArn: string;
  requestedAt: string;
};

/**
 * The state the deployment tasks receive: the execution's input and what the branch has found so
 * far. A rollback's execution has `mode: 'rollback'` and its request; an approval's has neither.
 */
export type DeploymentTaskInput = ApprovalExecutionInput & {
  mode?: 'rollback';
  rollback?: RollbackRequest;
  deployment?: AcquireOutput;
  endpoint?: { outcome: string; message?: string; status?: string; endpointConfigName?: string };
  deploymentError?: CaughtError;
};
