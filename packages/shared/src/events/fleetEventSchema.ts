import type * as z from 'zod';
import { eventBridgeEnvelope } from './eventBridgeEnvelope.js';
import { type FleetDetailType, fleetEvents } from './fleetEvents.js';

/** The event schema of each fleet detail-type. */
export type FleetEventSchemas = {
  [K in FleetDetailType]: (typeof fleetEvents)[K]['detail'] extends infer D extends z.ZodType
    ? ReturnType<typeof eventBridgeEnvelope<D, K>>
    : never;
};

/**
 * The schema of a whole EventBridge event carrying the fleet detail-type T.
 *
 * The return type is looked up per detail-type so the parsed `detail` is the detail of T, not
 * the union of every detail in the catalog.
 */
export const fleetEventSchema = <T extends FleetDetailType>(detailType: T): FleetEventSchemas[T] =>
  eventBridgeEnvelope(
    detailType,
    fleetEvents[detailType].detail,
    fleetEvents[detailType].source,
  ) as unknown as FleetEventSchemas[T];
