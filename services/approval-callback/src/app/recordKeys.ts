import { partitionKey, sortKey } from '@fleet/shared';

/** How long the leases and pointers of an approval are kept: far past any approval's wait. */
export const approvalTtlDays = 400;

/**
 * The keys of every record approval-callback writes to the records table.
 *
 * - approval record (kind `approval`): `MODEL#<model>` / `<ISO>#approval#<approvalId>`, the
 *   model's history, kept without TTL;
 * - request (kind `approval`): `APPROVAL#<approvalId>` / `request`, the task token and where the
 *   approval record is;
 * - decision lease (kind `approval`): `APPROVAL#<approvalId>` / `decision`, the one decision;
 * - start lease (kind `idempotency`): `IDEMPOTENCY#approval#<modelPackageArn>#<attempt>` / `claim`;
 * - request lease (kind `idempotency`): `IDEMPOTENCY#approval-request#<approvalId>` / `claim`;
 * - current approval (kind `approval`): `APPROVAL#MODEL#<model>` / `current`, what a newer package supersedes.
 */
export const approvalRecordKeys = {
  approval: (model: string, at: string, approvalId: string) => ({
    pk: partitionKey('MODEL', model),
    sk: sortKey(at, 'approval', approvalId),
  }),
  request: (approvalId: string) => ({ pk: partitionKey('APPROVAL', approvalId), sk: 'request' }),
  decision: (approvalId: string) => ({ pk: partitionKey('APPROVAL', approvalId), sk: 'decision' }),
  start: (modelPackageArn: string, attempt: number) => ({
    pk: partitionKey('IDEMPOTENCY', `approval#${modelPackageArn}#${attempt}`),
    sk: 'claim',
  }),
  requestClaim: (approvalId: string) => ({
    pk: partitionKey('IDEMPOTENCY', `approval-request#${approvalId}`),
    sk: 'claim',
  }),
  current: (model: string) => ({ pk: partitionKey('APPROVAL', `MODEL#${model}`), sk: 'current' }),
} as const;

/** Epoch seconds `days` after `at`, for the table's `ttl` attribute. */
export const ttlAfter = (at: string, days: number): number => Math.floor(Date.parse(at) / 1000) + days * 86_400;
