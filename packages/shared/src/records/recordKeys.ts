import type { RecordKindValue } from './RecordKind.js';

/** What a records partition is about. */
export type PartitionScope =
  | 'PIPELINE'
  | 'MODEL'
  | 'DATASET'
  | 'APPROVAL'
  | 'IDEMPOTENCY'
  | 'EXECUTION'
  | 'PAUSE'
  | 'QUEUE';

/**
 * Normalises an ISO 8601 time to `Date#toISOString` form (UTC, milliseconds).
 *
 * Sort keys start with the time and DynamoDB orders them as strings, which matches time order
 * only when every time has the same form: `2024-05-01T10:00:00Z` would sort after
 * `2024-05-01T10:00:00.500Z`. Text that is not a date is returned unchanged (and rejected by
 * the repository's validation).
 *
 * @example
 * canonicalTime('2024-05-01T12:00:00+02:00') // '2024-05-01T10:00:00.000Z'
 */
export const canonicalTime = (at: string): string => {
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? at : new Date(ms).toISOString();
};

/**
 * The partition key of a history: `PIPELINE#churn-retrain`, `MODEL#churn`, ...
 *
 * @example
 * partitionKey('PIPELINE', 'churn-retrain') // 'PIPELINE#churn-retrain'
 */
export const partitionKey = (scope: PartitionScope, name: string): string => `${scope}#${name}`;

/**
 * The sort key of a record: time first, so one Query returns a history in time order.
 *
 * The time is normalised with {@link canonicalTime}.
 *
 * @example
 * sortKey('2024-05-01T10:00:00.000Z', 'trigger', 'abc') // '2024-05-01T10:00:00.000Z#trigger#abc'
 */
export const sortKey = (at: string, kind: RecordKindValue, id: string): string => `${canonicalTime(at)}#${kind}#${id}`;

/**
 * The partition key of the correlation index (`gsi1`): every record of one chain shares it.
 *
 * @example
 * correlationKey('evt-1') // 'CORR#evt-1'
 */
export const correlationKey = (correlationId: string): string => `CORR#${correlationId}`;
