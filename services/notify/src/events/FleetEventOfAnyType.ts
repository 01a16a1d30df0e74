import { type FleetDetailType, fleetEventSchema, fleetEvents } from '@fleet/shared';
import * as z from 'zod';

const detailTypes = Object.keys(fleetEvents) as FleetDetailType[];

/**
 * Any event of the fleet's catalog, validated by its own detail schema: the delivery functions
 * receive every detail-type their routing may send somewhere (their rules list them).
 */
export const FleetEventOfAnyType = z.union(
  detailTypes.map((detailType) => fleetEventSchema(detailType)) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]],
) as unknown as z.ZodType<{
  id: string;
  'detail-type': FleetDetailType;
  time: string;
  detail: { correlationId: string; eventKey: string } & Record<string, unknown>;
}>;

/** A validated {@link FleetEventOfAnyType}. */
export type FleetEventOfAnyType = z.output<typeof FleetEventOfAnyType>;
