import { eventBridgeEnvelope } from './eventBridgeEnvelope.js';
import { type FleetDetailType, fleetEvents } from './fleetEvents.js';

/** The schema of a whole EventBridge event carrying the fleet detail-type T. */
export const fleetEventSchema = <T extends FleetDetailType>(detailType: T) =>
  eventBridgeEnvelope(detailType, fleetEvents[detailType].detail, fleetEvents[detailType].source);
