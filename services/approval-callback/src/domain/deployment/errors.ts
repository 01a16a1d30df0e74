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
