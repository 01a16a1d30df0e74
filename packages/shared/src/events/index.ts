export * from './awsEvents.js';
export { type EventBridgeEvent, eventBridgeEnvelope } from './eventBridgeEnvelope.js';
export { type FleetEventSchemas, fleetEventSchema } from './fleetEventSchema.js';
export * from './fleetEvents.js';
