import * as z from 'zod';
import { RecordKind, type RecordKindValue } from './RecordKind.js';

/**
 * One item of the records table: what happened, why, when and to which chain it belongs.
 *
 * `pk`/`sk` place it in a history (see `partitionKey` and `sortKey`); `gsi1pk`/`gsi1sk` place
 * it in the correlation index and are filled in by the repository. `ttl` (epoch seconds) lets
 * DynamoDB expire idempotency records. Any other field is the record's payload.
 */
export type FleetRecord = {
  pk: string;
  sk: string;
  kind: RecordKindValue;
  id: string;
  /** ISO 8601 time of what the record describes. */
  at: string;
  correlationId: string;
  gsi1pk?: string;
  gsi1sk?: string;
  ttl?: number;
  [field: string]: unknown;
};

/** The schema the repository checks a record against before writing it. */
export const FleetRecordSchema = z.looseObject({
  pk: z.string().min(1).max(2048),
  sk: z.string().min(1).max(1024),
  kind: z.enum(Object.values(RecordKind) as [RecordKindValue, ...RecordKindValue[]]),
  id: z.string().min(1),
  at: z.iso.datetime({ offset: true }),
  correlationId: z.string().min(1),
  gsi1pk: z.string().min(1).max(2048).optional(),
  gsi1sk: z.string().min(1).max(1024).optional(),
  ttl: z.number().int().positive().optional(),
});
