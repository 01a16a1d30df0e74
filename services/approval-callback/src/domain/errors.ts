/**
 * The base of every error approval-callback throws, so a caller can tell the service's own
 * failures (a forged request, a package without metrics) from an SDK's or a bug.
 */
export class ApprovalError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ApprovalError';
  }
}

/** Why a Slack request was refused: the reason is logged, never sent back in detail. */
export type SignatureFailure =
  | 'missing-timestamp'
  | 'missing-signature'
  | 'malformed-timestamp'
  | 'malformed-signature'
  | 'stale-timestamp'
  | 'future-timestamp'
  | 'signature-mismatch';

/** Thrown when a Slack request's signature or timestamp does not verify (answered 401). */
export class SlackSignatureError extends ApprovalError {
  readonly reason: SignatureFailure;

  constructor(reason: SignatureFailure) {
    super(`Slack request refused: ${reason}`);
    this.name = 'SlackSignatureError';
    this.reason = reason;
  }
}

/** Thrown when the evaluation JSON of a package has no number at the configured metrics path. */
export class MetricNotFoundError extends ApprovalError {
  readonly path: string;

  constructor(path: string, where: string, options?: ErrorOptions) {
    super(`no number at "${path}" in the evaluation of ${where}`, options);
    this.name = 'MetricNotFoundError';
    this.path = path;
  }
}

/** Thrown when a model package has no `ModelMetrics.ModelQuality.Statistics.S3Uri` to compare. */
export class MissingModelMetricsError extends ApprovalError {
  constructor(modelPackageArn: string) {
    super(`model package ${modelPackageArn} has no ModelMetrics.ModelQuality.Statistics.S3Uri`);
    this.name = 'MissingModelMetricsError';
  }
}

/** Thrown when a package's group is not the `modelPackageGroup` of a model with an `approval` section. */
export class UnknownModelPackageGroupError extends ApprovalError {
  readonly group: string;

  constructor(group: string) {
    super(`model package group "${group}" belongs to no model with an approval section in the fleet configuration`);
    this.name = 'UnknownModelPackageGroupError';
    this.group = group;
  }
}

/** Thrown when an approval names a model without a package group or an `approval` section. */
export class UnknownApprovalModelError extends ApprovalError {
  readonly model: string;

  constructor(model: string) {
    super(`model "${model}" has no modelPackageGroup and approval section in the fleet configuration`);
    this.name = 'UnknownApprovalModelError';
    this.model = model;
  }
}

/** Thrown when `requestAgain` names a package whose last approval did not expire. */
export class ApprovalNotExpiredError extends ApprovalError {
  constructor(modelPackageArn: string, state: string) {
    super(`model package ${modelPackageArn} cannot be asked again: its last approval is ${state}, not expired`);
    this.name = 'ApprovalNotExpiredError';
  }
}

/**
 * A SageMaker call a Lambda task made failed, classified in code (the state machine sees the
 * `name`): `SageMakerTransientError` is retried by the state machine, the others are not.
 */
export class SageMakerTaskError extends ApprovalError {
  readonly code: string;

  constructor(name: SageMakerErrorName, code: string, message: string, options?: ErrorOptions) {
    super(`${code}: ${message}`, options);
    this.name = name;
    this.code = code;
  }
}

/** The error names SageMaker failures are classified into. */
export type SageMakerErrorName =
  | 'SageMakerTransientError'
  | 'ModelPackageNotFoundError'
  | 'ModelPackageConflictError'
  | 'SageMakerRequestError';
