export { isValidExecutionName } from './executionName.js';
export type { HistoryEvent } from './historyEvent.js';
export { type ExecutionStatus, type LocalExecution, LocalStepFunctions } from './LocalStepFunctions.js';
export type { SnsPublishInput, SnsPublishPort } from './SnsPublishPort.js';
export { StepFunctionsStandIn, type StepFunctionsStandInOptions } from './StepFunctionsStandIn.js';
