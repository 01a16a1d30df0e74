import { ApprovalError } from '../errors.js';

/**
 * The names a failed SageMaker hosting call is classified into, which the deployment branch of
 * the state machine matches: `DeploymentTransientError` and `EndpointBusyError` are retried with
 * backoff, `DeploymentValidationError` and `DeploymentRequestError` end the deployment.
 */
export type DeploymentErrorName =
  | 'DeploymentTransientError'
  | 'EndpointBusyError'
  | 'DeploymentValidationError'
  | 'DeploymentRequestError';

/** A SageMaker hosting call of a deployment task failed; `name` is what the state machine sees. */
export class DeploymentTaskError extends ApprovalError {
  /** SageMaker's error code (`ValidationException`, `ResourceLimitExceeded`, ...). */
  readonly code: string;

  constructor(name: DeploymentErrorName, code: string, message: string, options?: ErrorOptions) {
    super(`${code}: ${message}`, options);
    this.name = name;
    this.code = code;
  }
}

/** Thrown when a deployment names a model without a `deployment` section (or without a package group). */
export class UnknownDeploymentModelError extends ApprovalError {
  readonly model: string;

  constructor(model: string) {
    super(`model "${model}" has no modelPackageGroup and deployment section in the fleet configuration`);
    this.name = 'UnknownDeploymentModelError';
    this.model = model;
  }
}

/** Thrown when a deployment task runs without holding the endpoint's deployment lease. */
export class DeploymentLeaseLostError extends ApprovalError {
  constructor(endpointName: string, deploymentId: string) {
    super(`deployment ${deploymentId} no longer holds the deployment lease of endpoint ${endpointName}`);
    this.name = 'DeploymentLeaseLostError';
  }
}

/** Thrown when a rollback finds no earlier package to go back to (or not the version it was asked for). */
export class NothingToRollBackError extends ApprovalError {
  readonly model: string;

  constructor(model: string, why: string) {
    super(`model "${model}" has nothing to roll back to: ${why}`);
    this.name = 'NothingToRollBackError';
    this.model = model;
  }
}

/** Thrown when a rollback is asked while a deployment holds the endpoint's lease. */
export class DeploymentInProgressError extends ApprovalError {
  readonly endpointName: string;

  constructor(model: string, endpointName: string, heldBy: string, until: string) {
    super(
      `model "${model}" cannot roll back now: deployment ${heldBy} holds endpoint ${endpointName} until ${until}; try again when it ends`,
    );
    this.name = 'DeploymentInProgressError';
    this.endpointName = endpointName;
  }
}

/** Thrown when a rollback is asked for a model whose deployments an operator paused. */
export class DeploymentsPausedError extends ApprovalError {
  readonly model: string;

  constructor(model: string, by: string, at: string, reason?: string) {
    super(
      `model "${model}" cannot roll back: its deployments were paused by ${by} at ${at}${reason === undefined ? '' : ` (${reason})`}; resume them first (fleet resume ${model} --deployment)`,
    );
    this.name = 'DeploymentsPausedError';
    this.model = model;
  }
}
