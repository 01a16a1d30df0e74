export { acquireEndpoint } from './acquireEndpoint.js';
export { checkEndpoint } from './checkEndpoint.js';
export { createDeploymentEndpointConfig, type EndpointConfigStepOutput } from './createDeploymentEndpointConfig.js';
export { createDeploymentModel, type ModelStepOutput } from './createDeploymentModel.js';
export type {
  CaptureRequest,
  DeploymentPorts,
  DeploymentStore,
  EndpointConfigRequest,
  EndpointDescription,
  EndpointHosting,
  ModelRequest,
} from './DeploymentPorts.js';
export type { DeploymentDecision, DeploymentRecord } from './DeploymentRecord.js';
export type {
  AcquireOutput,
  CaughtError,
  DeploymentPlan,
  DeploymentTaskInput,
  RollbackRequest,
} from './DeploymentState.js';
export { deploymentSettingsOf, type ModelDeploymentSettings } from './deploymentSettings.js';
export { type DeploymentVerdict, deploymentVerdict } from './deploymentVerdict.js';
export { finishDeployment, ROLLED_BACK_PREFIX } from './finishDeployment.js';
export { requirePlan } from './requirePlan.js';
export { type RollbackCommand, type RollbackOutput, type RollbackPorts, rollback } from './rollback.js';
export { rollbackFields } from './rollbackFields.js';
export { type StartStepOutput, startEndpointDeployment } from './startEndpointDeployment.js';
