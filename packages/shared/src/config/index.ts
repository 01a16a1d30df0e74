export { ApprovalConfig } from './ApprovalConfig.js';
export { DataCaptureConfig, DeploymentConfig } from './DeploymentConfig.js';
export { durationMinutes } from './durationMinutes.js';
export * from './fleetConfigSchema.js';
export {
  getFleetConfig,
  type LoadedFleetConfig,
  loadFleetConfig,
  parseFleetConfig,
  resetFleetConfig,
} from './loadFleetConfig.js';
export { ModelDriftConfig } from './ModelDriftConfig.js';
export { PagerDutyRouting, RoutingConfig, RoutingRule, type RoutingRuleConfig } from './RoutingConfig.js';
export { sageMakerName } from './sageMakerName.js';
