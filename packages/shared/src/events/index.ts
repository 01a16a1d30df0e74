export * from './awsEvents.js';
export { type EventBridgeEvent, eventBridgeEnvelope } from './eventBridgeEnvelope.js';
export { fleetEventSchema } from './fleetEventSchema.js';
export * from './fleetEvents.js';
