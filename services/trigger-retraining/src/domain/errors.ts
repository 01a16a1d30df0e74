/**
 * The base of every error trigger-retraining throws, so a caller can tell the service's own
 * failures (a bad trigger, a pipeline that cannot start) from an SDK's or a bug.
 */
export class TriggerRetrainingError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TriggerRetrainingError';
  }
}

/**
 * Thrown when a trigger asks for a pipeline parameter the pipeline's allow-list does not name,
 * or when a mapped parameter breaks one of SageMaker's limits.
 *
 * Raised before any call to AWS, so a bad trigger never reaches SageMaker; `field` names the
 * trigger field or parameter at fault.
 */
export class ParameterMappingError extends TriggerRetrainingError {
  readonly pipeline: string;
  readonly field: string;

  constructor(pipeline: string, field: string, message: string, options?: ErrorOptions) {
    super(`pipeline "${pipeline}": ${message}`, options);
    this.name = 'ParameterMappingError';
    this.pipeline = pipeline;
    this.field = field;
  }
}

/**
 * Thrown when a trigger names a pipeline the fleet configuration does not define.
 *
 * The message lists the configured pipelines so the caller can correct the name.
 */
export class UnknownPipelineError extends TriggerRetrainingError {
  readonly pipeline: string;

  constructor(pipeline: string, known: readonly string[], options?: ErrorOptions) {
    super(
      `unknown pipeline "${pipeline}"; configured pipelines: ${known.length > 0 ? known.join(', ') : '(none)'}`,
      options,
    );
    this.name = 'UnknownPipelineError';
    this.pipeline = pipeline;
  }
}

/**
 * Thrown when starting a pipeline execution failed after the SDK's retries.
 *
 * Carries the AWS error code so `Retraining Failed` and the trigger record can name it; the
 * original error is the `cause`.
 */
export class PipelineStartError extends TriggerRetrainingError {
  readonly pipeline: string;
  readonly code: string;

  constructor(pipeline: string, code: string, message: string, options?: ErrorOptions) {
    super(`starting pipeline "${pipeline}" failed: ${code}: ${message}`, options);
    this.name = 'PipelineStartError';
    this.pipeline = pipeline;
    this.code = code;
  }
}

/**
 * Thrown when a trigger would pass a parameter the SageMaker pipeline's definition does not
 * declare.
 *
 * SageMaker would reject the start anyway; checking first names the parameter, where it comes
 * from in the configuration and what the pipeline declares, and starts nothing. `code` is the
 * failure code `Retraining Failed` and the trigger record carry.
 */
export class UndeclaredParameterError extends TriggerRetrainingError {
  readonly pipeline: string;
  readonly pipelineName: string;
  readonly parameters: readonly string[];
  readonly code = 'UndeclaredParameter';

  constructor(
    pipeline: string,
    pipelineName: string,
    parameters: readonly string[],
    message: string,
    options?: ErrorOptions,
  ) {
    super(`pipeline "${pipeline}": ${message}`, options);
    this.name = 'UndeclaredParameterError';
    this.pipeline = pipeline;
    this.pipelineName = pipelineName;
    this.parameters = parameters;
  }
}
