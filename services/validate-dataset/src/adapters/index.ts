export {
  createDependencies,
  defaultDependencies,
  defaultMaxAttempts,
  resetDependencies,
  serviceName,
  type ValidateDatasetDependencies,
} from './createDependencies.js';
export { loadContractCatalog } from './loadContractCatalog.js';
export { S3DatasetObjectStore } from './S3DatasetObjectStore.js';
export { s3ClientConfig } from './s3ClientConfig.js';
