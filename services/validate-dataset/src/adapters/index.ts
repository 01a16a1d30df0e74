export {
  createObjectCreatedDependencies,
  type ObjectCreatedDependencies,
  objectCreatedDependencies,
} from './createObjectCreatedDependencies.js';
export {
  createValidateDependencies,
  type ValidateDependencies,
  validateDependencies,
} from './createValidateDependencies.js';
export { createValidationPorts, defaultMaxAttempts } from './createValidationPorts.js';
export { loadContractCatalog } from './loadContractCatalog.js';
export { S3DatasetObjectStore } from './S3DatasetObjectStore.js';
export { serviceName } from './serviceName.js';
