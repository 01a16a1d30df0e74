import * as z from 'zod';
import { ValidationError } from '../errors/ValidationError.js';
import { type FleetDetail, type FleetDetailType, fleetEvents } from '../events/fleetEvents.js';

/** A fleet detail checked against the catalog, with the source its detail-type is sent from. */
export type ValidatedDetail<T extends FleetDetailType = FleetDetailType> = {
  detailType: T;
  source: string;
  detail: FleetDetail<T>;
};

/**
 * Validates a detail against the catalog entry of its detail-type and applies its defaults.
 *
 * Shared by every publisher, real or in memory, so a unit test with a fake publisher rejects
 * the same details production would.
 *
 * @param at - appended to the error's subject, for example ` (entry 3)`
 * @throws ValidationError naming the detail-type and each bad field, or `detail-type` when unknown
 */
export const validateFleetDetail = <T extends FleetDetailType>(
  detailType: T,
  detail: unknown,
  at = '',
): ValidatedDetail<T> => {
  const spec = (fleetEvents as Record<string, (typeof fleetEvents)[FleetDetailType] | undefined>)[detailType];
  if (spec === undefined) {
    const issue = {
      code: 'custom' as const,
      path: ['detail-type'],
      message: `unknown detail-type "${String(detailType)}"`,
      input: detailType,
    };
    throw new ValidationError(`event${at}`, new z.ZodError([issue]));
  }
  const parsed = spec.detail.safeParse(detail);
  if (!parsed.success) throw new ValidationError(`"${detailType}" detail${at}`, parsed.error);
  return { detailType, source: spec.source, detail: parsed.data as FleetDetail<T> };
};
