export { createDatasetValidatedHandler } from './datasetValidated.js';
export { createDebounceFireHandler } from './debounceFire.js';
export { createDriftDetectedHandler } from './driftDetected.js';
export { createManualStartHandler } from './manualStart.js';
export { createPipelineStatusChangeHandler } from './pipelineStatusChange.js';
export { createScheduleTickHandler } from './scheduleTick.js';
