export { type ApplyPortNames, applyDependencies, defaultApplyDependencies } from './applyDependencies.js';
export { eventsFromEnv } from './clients.js';
export { type ComparePortNames, compareDependencies, defaultCompareDependencies } from './compareDependencies.js';
export {
  type CorePorts,
  coreDependencies,
  type DependencyOptions,
  defaultMaxAttempts,
  requiredEnv,
} from './coreDependencies.js';
export { type DecidePortNames, decideDependencies, defaultDecideDependencies } from './decideDependencies.js';
export {
  type DeployDependencies,
  defaultDeployAcquireDependencies,
  defaultDeployFinishDependencies,
  defaultDeployHostingDependencies,
  deployAcquireDependencies,
  deployFinishDependencies,
  deployHostingDependencies,
  storeFromEnv,
} from './deployDependencies.js';
export { evaluationsFromEnv } from './evaluationsFromEnv.js';
export type { FunctionDependencies } from './FunctionDependencies.js';
export { registryFromEnv } from './registryFromEnv.js';
export {
  defaultRequestAgainDependencies,
  type RequestAgainPortNames,
  requestAgainDependencies,
} from './requestAgainDependencies.js';
export { defaultRequestDependencies, type RequestPortNames, requestDependencies } from './requestDependencies.js';
export { defaultRollbackDependencies, rollbackDependencies } from './rollbackDependencies.js';
export { serviceName } from './serviceName.js';
export { defaultSlackDependencies, type SlackDependencies, slackDependencies } from './slackDependencies.js';
export { defaultStartDependencies, type StartPortNames, startDependencies } from './startDependencies.js';
export { workflowFromEnv } from './workflowFromEnv.js';
