/** What a deployment came to, in the deployment record (`decision`). */
export type DeploymentDecision =
  | 'deployed'
  | 'rolled_back'
  | 'failed'
  | 'update_rollback_failed'
  | 'superseded'
  | 'timeout'
  | 'validation'
  /** An operator paused the model's deployments: the endpoint was not touched. */
  | 'paused';

/**
 * The deployment record in the model's history (`MODEL#<model>` / `<ISO>#deployment#<id>`): the
 * package, the endpoint configuration and the strategy. The newest with `decision: 'deployed'`
 * names the package serving the model, the champion the next approval compares against.
 */
export type DeploymentRecord = {
  deploymentId: string;
  /** When the deployment began (it took the endpoint's lease), which places the record in the history. */
  at: string;
  finishedAt: string;
  correlationId: string;
  model: string;
  decision: DeploymentDecision;
  modelPackageArn: string;
  modelPackageVersion: number;
  approvalId: string;
  endpointName: string;
  endpointConfigName: string;
  variantName: string;
  strategy: string;
  /** SageMaker's words or the fleet's, when it did not deploy. */
  message?: string;
  /** `rollback` for an operator's rollback (an approval's deployment has none). */
  trigger?: 'rollback';
  /** Who asked for the rollback. */
  requestedBy?: string;
  /** Why the rollback was asked, or why deployments were paused. */
  reason?: string;
  /** The package the rollback replaces. */
  previousModelPackageArn?: string;
  /** Who paused the model's deployments (decision `paused`). */
  pausedBy?: string;
  /** When they paused them. */
  pausedAt?: string;
};
