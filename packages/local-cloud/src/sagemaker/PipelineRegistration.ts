import type { EvaluationMetrics } from './evaluationReport.js';
import type { ModelApprovalStatus } from './modelPackageStateChangeEvent.js';

/** What a run plan function or a metrics function is told about the execution. */
export type RegistrationRunContext = {
  pipelineName: string;
  pipelineExecutionArn: string;
  /** Effective parameters of the execution. */
  parameters: Record<string, string>;
  /** 1 for the pipeline's first execution, 2 for the second, ... */
  sequence: number;
};

/**
 * The metrics a successful run's evaluation step reports: fixed; a list used in order, one entry
 * per registered package (the last one repeats once the list is used up); or a function of the
 * execution.
 */
export type RegistrationMetrics =
  | EvaluationMetrics
  | readonly EvaluationMetrics[]
  | ((context: RegistrationRunContext) => EvaluationMetrics);

/**
 * How a pipeline ends in the Model Registry, as its evaluation and RegisterModel steps would: a
 * successful run writes `{"metrics": {...}}` to `s3://<evaluationBucket>/<evaluationPrefix>/<pipeline>/<execution id>/evaluation.json`
 * and registers a package in `modelPackageGroup` with `ModelMetrics.ModelQuality.Statistics`
 * pointing to it and `MetadataProperties.GeneratedBy` set to the execution ARN.
 */
export type PipelineRegistration = {
  /** The group packages are registered in; created when the stand-in starts if missing. */
  modelPackageGroup: string;
  /** A bucket name, or the stacks' export that holds it (`{ export: 'fleet-local-DataBucketName' }`). */
  evaluationBucket: string | { export: string };
  /** Default `evaluation`. */
  evaluationPrefix?: string;
  /** Default `{ accuracy: 0.84, roc_auc: 0.88 }`; a run plan's own `metrics` win. */
  metrics?: RegistrationMetrics;
  /**
   * The approval status a new package gets. Default: the run's `ModelApprovalStatus` parameter
   * when the pipeline declares one, else `PendingManualApproval`.
   */
  modelApprovalStatus?: ModelApprovalStatus;
  /** The container image of the package's InferenceSpecification (default: the SageMaker XGBoost image). */
  image?: string;
};
