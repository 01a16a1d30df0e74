export * from './awsEvents.js';
export { decodeS3Key } from './decodeS3Key.js';
export { type EventBridgeEvent, eventBridgeEnvelope } from './eventBridgeEnvelope.js';
export { type FleetEventSchemas, fleetEventSchema } from './fleetEventSchema.js';
export * from './fleetEvents.js';
