import { partitionKey, sortKey } from '@fleet/shared';

/** How long an idempotency claim is kept: a trigger seen within this time is a duplicate. */
export const claimTtlDays = 90;

/** How long an execution pointer is kept: longer than any pipeline execution runs. */
export const pointerTtlDays = 90;

/** How long a prefix's pending landings are kept after the last landing. */
export const pendingTtlDays = 30;

/**
 * The keys of every record trigger-retraining writes to the records table.
 *
 * - trigger decision (kind `trigger`): `PIPELINE#<pipeline>` / `<ISO time>#trigger#<decision id>`,
 *   the pipeline's history, kept for audit without TTL; a started run's decision holds its
 *   effective input (lineage);
 * - idempotency claim (kind `idempotency`): `IDEMPOTENCY#<ClientRequestToken>` / `claim`, a lease
 *   owned by the attempt (its decision id), with a TTL;
 * - execution pointer (kind `trigger`): `EXECUTION#<execution ARN>` / `pointer`, with a TTL;
 * - pending landings (kind `idempotency`): `DEBOUNCE#<pipeline>#<s3 prefix>` / `pending`, with a TTL;
 * - run lock (kind `idempotency`): `LOCK#PIPELINE#<SageMaker pipeline name, lower case>` / `run`,
 *   a lease owned by the holder's ClientRequestToken, one per pipeline, kept (released, not
 *   deleted) so it shows the last run that held it.
 *
 * The last four live outside the history partitions, so a history Query never returns them.
 * The run lock's name is lower case because SageMaker pipeline names are matched without case
 * (its ARNs spell them in lower case).
 */
export const triggerRecordKeys = {
  decision: (pipeline: string, at: string, id: string) => ({
    pk: partitionKey('PIPELINE', pipeline),
    sk: sortKey(at, 'trigger', id),
  }),
  claim: (token: string) => ({ pk: partitionKey('IDEMPOTENCY', token), sk: 'claim' }),
  pointer: (executionArn: string) => ({ pk: partitionKey('EXECUTION', executionArn), sk: 'pointer' }),
  pending: (pipeline: string, prefix: string) => ({ pk: `DEBOUNCE#${pipeline}#${prefix}`, sk: 'pending' }),
  lock: (pipelineName: string) => ({ pk: `LOCK#PIPELINE#${pipelineName.toLowerCase()}`, sk: 'run' }),
} as const;

/** Epoch seconds `days` after `at`, for the table's `ttl` attribute. */
export const ttlAfter = (at: string, days: number): number => Math.floor(Date.parse(at) / 1000) + days * 86_400;
