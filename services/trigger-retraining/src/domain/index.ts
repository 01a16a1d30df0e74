export { type CoveredObject, coverObjects, maxCoveredObjects } from './CoveredObject.js';
export { checkDeclaredParameters } from './checkDeclaredParameters.js';
export { clientRequestToken } from './clientRequestToken.js';
export { debounceScheduleName } from './debounceScheduleName.js';
export { displayName } from './displayName.js';
export {
  ParameterMappingError,
  PipelineStartError,
  TriggerRetrainingError,
  UndeclaredParameterError,
  UnknownPipelineError,
} from './errors.js';
export { executionDescription } from './executionDescription.js';
export { deploymentWindowMs, isModelBusy } from './isModelBusy.js';
export { isRunLockLive } from './isRunLockLive.js';
export type { ModelActivity } from './ModelActivity.js';
export { mapParameters, type PipelineParameter, parameterLimits } from './mapParameters.js';
export { type PipelineSettings, pipelineSettings } from './PipelineSettings.js';
export { type RunInput, runInput } from './runInput.js';
export type { DriftTrigger, Landing, TriggerRequest } from './TriggerRequest.js';
export { type TriggerSource, triggerIdentity } from './triggerIdentity.js';
