export type { AlarmState, AlarmStates } from './AlarmStates.js';
export {
  type BlueGreenUpdatePolicy,
  type CapacitySize,
  type DeploymentStep,
  deploymentPolicyProblem,
  deploymentSteps,
} from './deploymentSteps.js';
export {
  type EndpointEventDetail,
  type EndpointEventEnvelope,
  type EndpointEventVariant,
  type EndpointStatus,
  endpointEvent,
  eventEndpointStatus,
} from './endpointEvents.js';
export {
  type DataCaptureSettings,
  HOSTING_SHAPES,
  LocalHosting,
  type LocalHostingOptions,
  type ServingTarget,
  type VariantConfig,
} from './LocalHosting.js';
