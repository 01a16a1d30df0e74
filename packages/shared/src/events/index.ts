export * from './awsEvents.js';
export { decodeS3Key } from './decodeS3Key.js';
export {
  DEPLOYMENT_FAILURE_SEVERITY,
  DeploymentFailureCode,
  type DeploymentFailureCodeValue,
  deploymentFailureSeverity,
} from './deploymentFailureSeverity.js';
export { type EventBridgeEvent, eventBridgeEnvelope } from './eventBridgeEnvelope.js';
export { EVENT_KEY_LENGTH, EVENT_KEY_PATTERN, eventKey } from './eventKey.js';
export { type FleetEventSchemas, fleetEventSchema } from './fleetEventSchema.js';
export * from './fleetEvents.js';
export { DriftSeverity, type DriftSeverityValue, Severity, type SeverityValue } from './Severity.js';
