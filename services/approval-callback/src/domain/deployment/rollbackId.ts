import { createHash } from 'node:crypto';

/** A rollback's id: `rb-` and 20 hex digits, the same length as an approval id, which it stands for in the deployment branch. */
export const ROLLBACK_ID_PATTERN = /^rb-[0-9a-f]{20}$/;

/**
 * The id of one rollback request: `rb-` and the first 20 hex digits of SHA-256 over
 * `<model>#<requestId>`. It is the deployment's id (the owner of the endpoint's lease, the
 * deployment record's id), the correlation id of everything the rollback does, and part of the
 * execution's name.
 *
 * @example rollbackIdFor('churn', 'c0ffee') // 'rb-' + 20 hex digits
 */
export const rollbackIdFor = (model: string, requestId: string): string =>
  `rb-${createHash('sha256').update(`${model}#${requestId}`).digest('hex').slice(0, 20)}`;
