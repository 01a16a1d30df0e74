export { consoleEmfSink } from './consoleEmfSink.js';
export * from './dependencies/index.js';
export { RecordsDriftStore } from './RecordsDriftStore.js';
export { S3ObjectStore } from './S3ObjectStore.js';
export { SageMakerModelRegistry } from './SageMakerModelRegistry.js';
