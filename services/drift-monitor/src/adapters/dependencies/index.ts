export {
  type CheckDependencies,
  checkDependencies,
  defaultCheckDependencies,
  defaultMaxAttempts,
} from './checkDependencies.js';
export { loadMonitorSettings } from './loadMonitorSettings.js';
export { serviceName } from './serviceName.js';
