export {
  captureFileLocation,
  DataCaptureWriter,
  type PutCaptureObject,
  type WrittenCaptureFile,
} from './DataCaptureWriter.js';
export {
  type CaptureContentTypes,
  type CapturedPayload,
  type CaptureEncoding,
  captureEncoding,
  type DataCaptureRecord,
  dataCaptureRecord,
} from './dataCaptureRecord.js';
export type { InvokeEndpointRequest, InvokeEndpointResponse } from './invokeEndpointMessages.js';
export {
  type LocalInvocation,
  LocalSageMakerRuntime,
  type LocalSageMakerRuntimeOptions,
} from './LocalSageMakerRuntime.js';
export {
  defaultScoring,
  type LogisticScoring,
  ModelInputError,
  type ModelScoring,
  type ModelScoringPlan,
  type ScoredModel,
  type ScoringFunction,
  score,
  scoreCsv,
  scoringFor,
} from './modelScoring.js';
export { RuntimeServiceError } from './RuntimeServiceError.js';
export { SageMakerRuntimeStandIn } from './SageMakerRuntimeStandIn.js';
export { type SageMakerRuntimeOperations, sageMakerRuntimeHttpHandler } from './sageMakerRuntimeHttpHandler.js';
