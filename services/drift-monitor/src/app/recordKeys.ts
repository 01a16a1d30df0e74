import { createHash } from 'node:crypto';
import { partitionKey, sortKey } from '@fleet/shared';

/** How long a window's lease is kept: longer than any redelivery or retry of its tick. */
export const leaseTtlDays = 90;

/** The id of one model's window: the first 20 hex digits of SHA-256 over model and window. */
export const windowId = (model: string, window: { start: string; end: string }): string =>
  createHash('sha256').update(`${model}\u0000${window.start}\u0000${window.end}`).digest('hex').slice(0, 20);

/**
 * The keys of the records the drift monitor writes, and of those it reads along the lineage.
 *
 * - drift record (kind `drift`): `MODEL#<model>` / `<window end>#drift#<window id>`, one per model
 *   and window (a re-run rewrites it), kept without TTL;
 * - window lease (kind `idempotency`): `IDEMPOTENCY#drift#<model>#<start>/<end>` / `claim`: one
 *   verdict per model and window;
 * - read: the execution pointer `EXECUTION#<executionArn>` / `pointer` and the trigger decision
 *   `PIPELINE#<pipeline>` / `<decision time>#trigger#<decision id>` of trigger-retraining.
 */
export const driftRecordKeys = {
  drift: (model: string, window: { start: string; end: string }) => ({
    pk: partitionKey('MODEL', model),
    sk: sortKey(window.end, 'drift', windowId(model, window)),
  }),
  lease: (model: string, window: { start: string; end: string }) => ({
    pk: `IDEMPOTENCY#drift#${model}#${window.start}/${window.end}`,
    sk: 'claim',
  }),
  pointer: (executionArn: string) => ({ pk: partitionKey('EXECUTION', executionArn), sk: 'pointer' }),
  decision: (pipeline: string, at: string, id: string) => ({
    pk: partitionKey('PIPELINE', pipeline),
    sk: sortKey(at, 'trigger', id),
  }),
} as const;

/** The `recordKey` events carry: `<pk>|<sk>`. */
export const recordKeyOf = (key: { pk: string; sk: string }): string => `${key.pk}|${key.sk}`;

/** Epoch seconds `days` after `at`, for the table's `ttl` attribute. */
export const ttlAfter = (at: string, days: number): number => Math.floor(Date.parse(at) / 1000) + days * 86_400;
