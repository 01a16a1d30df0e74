import * as z from 'zod';

/**
 * Builds the schema of an EventBridge event with the given detail-type and detail schema.
 *
 * The envelope fields are the ones EventBridge always sets; extra fields are kept so that a
 * newer AWS envelope does not break a consumer.
 */
export const eventBridgeEnvelope = <T extends z.ZodType, D extends string>(
  detailType: D | z.ZodType<D>,
  detail: T,
  source?: string | z.ZodType<string>,
) =>
  z.looseObject({
    version: z.string().optional(),
    id: z.string().min(1),
    'detail-type': typeof detailType === 'string' ? z.literal(detailType) : detailType,
    source: source === undefined ? z.string().min(1) : typeof source === 'string' ? z.literal(source) : source,
    account: z.string().optional(),
    time: z.string().min(1),
    region: z.string().optional(),
    resources: z.array(z.string()).default([]),
    detail,
  });

/** An EventBridge event whose detail is of type D. */
export type EventBridgeEvent<D> = {
  version?: string;
  id: string;
  'detail-type': string;
  source: string;
  account?: string;
  time: string;
  region?: string;
  resources: string[];
  detail: D;
};
