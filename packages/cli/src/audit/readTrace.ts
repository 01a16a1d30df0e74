import type { FleetRecord, RecordsRepositoryPort } from '@fleet/shared';
import { inTimeOrder } from './inTimeOrder.js';
import { isAuditRecord } from './isAuditRecord.js';

/**
 * Reads everything one chain did: one Query of the correlation index (`gsi1`,
 * `CORR#<correlationId>`, paginated), across services and partitions, in time order, audit
 * records only (the chain's claims, pointers and pending landings share the id but are
 * bookkeeping).
 */
export const readTrace = async (records: RecordsRepositoryPort, correlationId: string): Promise<FleetRecord[]> =>
  inTimeOrder((await records.byCorrelation(correlationId)).filter(isAuditRecord));
