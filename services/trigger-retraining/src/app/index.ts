export { type BestEffortStep, bestEffortStep } from './bestEffortStep.js';
export { closeDebounceWindow } from './closeDebounceWindow.js';
export { type DecideOptions, decideTrigger, type TriggerOutcome } from './decideTrigger.js';
export { fireDebounce } from './fireDebounce.js';
export {
  type ExecutionStatusChange,
  type FollowOutcome,
  type FollowPorts,
  followExecution,
} from './followExecution.js';
export { firstStop, type GuardVerdict, guardsInOrder, runGuards } from './guards/runGuards.js';
export type * from './ports.js';
export { triggerRecordKeys } from './recordKeys.js';
export { datasetPipeline, datasetRequest, landingPrefix } from './requests/datasetRequest.js';
export { driftRequest } from './requests/driftRequest.js';
export { manualRequest } from './requests/manualRequest.js';
export { scheduleRequest } from './requests/scheduleRequest.js';
export { retrainingEventKey } from './retrainingEventKey.js';
export { retrainOnDataset } from './retrainOnDataset.js';
export { retrainOnDrift } from './retrainOnDrift.js';
export { startManually } from './startManually.js';
export { startOnSchedule } from './startOnSchedule.js';
export type { TriggerDependencies } from './TriggerDependencies.js';
