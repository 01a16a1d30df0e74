import type { RecordKindValue } from '../records/RecordKind.js';

/**
 * What the caller stores with a lease: the record's kind, id and correlation, and any payload.
 *
 * The lease adds `at` (the time of the first acquisition, kept by every takeover) and its own
 * attributes (`state`, `owner`, `fence`, `acquiredAt`, `expiresAt`, `settledAt`, `result`,
 * `failure`), which the caller may not set here. They sit at the top level of the item so the
 * conditional writes (no transactions: dynalite has none) can test `state`, `owner` and the
 * fencing token `fence` directly.
 */
export type LeaseRecordFields = {
  kind: RecordKindValue;
  id: string;
  correlationId: string;
  ttl?: number;
  gsi1pk?: string;
  gsi1sk?: string;
  [field: string]: unknown;
};
