import type { FleetRecord } from '@fleet/shared';

/**
 * The partitions that hold the audit trail: the histories of datasets, pipelines and models, and
 * the redrives of each dead-letter queue. Every other partition (idempotency claims, execution
 * pointers, pending landings, locks, a model's pause switch, an approval's request, decision
 * lease and deliveries) is bookkeeping, even where it shares a correlation id.
 */
const AUDIT_PARTITIONS = /^(DATASET|PIPELINE|MODEL|QUEUE)#/;

/**
 * True for the records an operator reads as the history: not idempotency claims, pointers,
 * pending landings (debounce), locks or switches.
 */
export const isAuditRecord = (record: FleetRecord): boolean =>
  AUDIT_PARTITIONS.test(record.pk) && record.kind !== 'idempotency';
