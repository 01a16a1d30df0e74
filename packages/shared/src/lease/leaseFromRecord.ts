import type { FleetRecord } from '../records/FleetRecord.js';
import type { Lease } from './Lease.js';
import { LeaseError } from './LeaseError.js';
import { LeaseState, type LeaseStateValue } from './LeaseState.js';

const STATES = new Set<string>(Object.values(LeaseState));

const isState = (value: unknown): value is LeaseStateValue => typeof value === 'string' && STATES.has(value);

/**
 * Reads the lease attributes of a stored record.
 *
 * @throws LeaseError when the record is not a lease (no valid state, owner, fence or times)
 */
export const leaseFromRecord = (record: FleetRecord): Lease => {
  const key = { pk: record.pk, sk: record.sk };
  const { state, owner, fence, acquiredAt, expiresAt, settledAt, result, failure } = record;
  if (!isState(state)) throw new LeaseError(key, `the stored state ${JSON.stringify(state)} is not a lease state`);
  if (typeof owner !== 'string' || !Number.isInteger(fence) || (fence as number) < 1) {
    throw new LeaseError(key, 'the stored record has no owner or fence');
  }
  if (typeof acquiredAt !== 'string' || typeof expiresAt !== 'string') {
    throw new LeaseError(key, 'the stored record has no acquiredAt or expiresAt');
  }
  return {
    key,
    state,
    owner,
    fence: fence as number,
    acquiredAt,
    expiresAt,
    ...(typeof settledAt === 'string' ? { settledAt } : {}),
    ...(result !== undefined ? { result: result as Record<string, unknown> } : {}),
    ...(failure !== undefined ? { failure: failure as { name: string; message: string } } : {}),
    record,
  };
};
