import type { FleetRecord, MemoryRecordsRepository } from '@fleet/shared';
import type { TriggerDecision } from '../../src/app/ports.js';

const bySortKey = (a: FleetRecord, b: FleetRecord) => (a.sk < b.sk ? -1 : a.sk > b.sk ? 1 : 0);

/** The records under partitions starting with `prefix`, in sort-key order. */
export const storedUnder = (records: MemoryRecordsRepository, prefix: string): FleetRecord[] =>
  records.records.filter((record) => record.pk.startsWith(prefix)).sort(bySortKey);

/** The trigger decisions in the pipelines' histories, oldest first. */
export const storedDecisions = (records: MemoryRecordsRepository): (TriggerDecision & FleetRecord)[] =>
  storedUnder(records, 'PIPELINE#').filter((r) => r.kind === 'trigger') as (TriggerDecision & FleetRecord)[];

/** How each decision's execution ended, as recorded on the decision. */
export const executionStatuses = (records: MemoryRecordsRepository) =>
  storedDecisions(records)
    .filter((d) => d.executionStatus !== undefined)
    .map((d) => ({
      decisionId: d.id,
      status: d.executionStatus,
      ...(d.failure === undefined ? {} : { failure: d.failure }),
    }));
