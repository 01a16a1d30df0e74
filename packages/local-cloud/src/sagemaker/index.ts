export {
  type LocalPipelineDefinition,
  type LocalPipelineExecution,
  LocalSageMaker,
  type LocalSageMakerOptions,
  type PipelineParameterDeclaration,
  type PipelineParameterType,
  type PipelineRunContext,
  type PipelineRunOutcome,
  type PipelineRunPlan,
} from './LocalSageMaker.js';
export {
  type PipelineExecutionStatus,
  type PipelineExecutionStatusChangeDetail,
  type PipelineExecutionStatusChangeEnvelope,
  pipelineExecutionStatusChangeEvent,
} from './pipelineExecutionStatusChangeEvent.js';
export { type SageMakerOperations, sageMakerHttpHandler } from './sageMakerHttpHandler.js';
