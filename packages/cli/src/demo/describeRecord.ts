/**
 * The demo lists records with the audit trail's describer, so `fleet demo`, `fleet history` and
 * `fleet trace` say the same thing about the same record.
 */
export { describeRecord, type RecordLine } from '../audit/describeRecord.js';
export { isAuditRecord } from '../audit/isAuditRecord.js';
