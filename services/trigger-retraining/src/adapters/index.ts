export * from './dependencies/index.js';
export { type LeaseTakeover, RecordsTriggerStore } from './RecordsTriggerStore.js';
export { definitionParameterNames, definitionParameters, SageMakerPipelineRunner } from './SageMakerPipelineRunner.js';
export { SchedulerDebounceScheduler } from './SchedulerDebounceScheduler.js';
