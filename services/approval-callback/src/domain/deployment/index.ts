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
  DeploymentLeaseLostError,
  DeploymentTaskError,
  UnknownDeploymentModelError,
} from './errors.js';
export { packageVersionOf, supersedingPackage } from './supersedingPackage.js';
