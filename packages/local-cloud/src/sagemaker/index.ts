export { DEFAULT_EVALUATION_METRICS, type EvaluationMetrics, evaluationReport } from './evaluationReport.js';
export { type LocalModelPackage, LocalModelRegistry, type LocalModelRegistryOptions } from './LocalModelRegistry.js';
export {
  type InjectedFailure,
  type LocalPipelineDefinition,
  type LocalPipelineExecution,
  LocalSageMaker,
  type LocalSageMakerOptions,
  type PipelineParameterDeclaration,
  type PipelineParameterType,
  type PipelineRunContext,
  type PipelineRunOutcome,
  type PipelineRunPlan,
  type PutObject,
  type SageMakerEvent,
} from './LocalSageMaker.js';
export {
  type ModelApprovalStatus,
  type ModelPackageStateChangeDetail,
  type ModelPackageStateChangeEnvelope,
  modelPackageStateChangeEvent,
} from './modelPackageStateChangeEvent.js';
export type { PipelineRegistration, RegistrationMetrics, RegistrationRunContext } from './PipelineRegistration.js';
export {
  type PipelineExecutionStatus,
  type PipelineExecutionStatusChangeDetail,
  type PipelineExecutionStatusChangeEnvelope,
  pipelineExecutionStatusChangeEvent,
} from './pipelineExecutionStatusChangeEvent.js';
export { SageMakerStandIn, type SageMakerStorage } from './SageMakerStandIn.js';
export { type SageMakerOperations, sageMakerHttpHandler } from './sageMakerHttpHandler.js';
