import type { FleetRecord, RecordsRepositoryPort } from '@fleet/shared';
import { inTimeOrder } from './inTimeOrder.js';
import { isAuditRecord } from './isAuditRecord.js';

/** What {@link readHistory} reads: the partitions of one history, and from when. */
export type HistoryQuery = {
  partitions: string[];
  /** ISO time (canonical form): only records at or after it, as a key condition on the sort key. */
  since?: string;
};

/**
 * Reads a history: one Query per partition (paginated, the sort key bounded by `since`), merged
 * in time order, audit records only.
 */
export const readHistory = async (records: RecordsRepositoryPort, query: HistoryQuery): Promise<FleetRecord[]> => {
  const pages = await Promise.all(
    query.partitions.map((pk) => records.history(pk, query.since === undefined ? {} : { since: query.since })),
  );
  return inTimeOrder(pages.flat().filter(isAuditRecord));
};
