export {
  type BlueGreenSettings,
  blueGreenDeploymentConfig,
  type CapacitySize,
  type EndpointDeploymentConfig,
} from './blueGreenDeploymentConfig.js';
export { classifyDeploymentError } from './classifyDeploymentError.js';
export { deploymentMaximumMs } from './deploymentDeadline.js';
export { deploymentResourceName, ENDPOINT_ALARM_SUFFIXES, endpointAlarmNames } from './deploymentNames.js';
export {
  type DeploymentFailureOutcome,
  type EndpointOutcome,
  type EndpointView,
  endpointOutcome,
  type OutcomeClock,
} from './endpointOutcome.js';
export {
  type DeploymentErrorName,
  DeploymentInProgressError,
  DeploymentLeaseLostError,
  DeploymentsPausedError,
  DeploymentTaskError,
  NothingToRollBackError,
  UnknownDeploymentModelError,
} from './errors.js';
export { ROLLBACK_ID_PATTERN, rollbackIdFor } from './rollbackId.js';
export { type RollbackTarget, rollbackTarget, type ServedPackage, servedVersion } from './rollbackTarget.js';
export { packageVersionOf, supersedingPackage } from './supersedingPackage.js';
