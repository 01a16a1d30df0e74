export type { AcquireRequest } from './AcquireRequest.js';
export type { Acquisition } from './Acquisition.js';
export type { Lease } from './Lease.js';
export { LeaseError } from './LeaseError.js';
export type { LeaseKey } from './LeaseKey.js';
export type { LeaseRecordFields } from './LeaseRecordFields.js';
export { LeaseState, type LeaseStateValue } from './LeaseState.js';
export { Leases } from './Leases.js';
export { DEFAULT_LEASE_MARGIN_MS, leaseDurationForInvocation } from './leaseDurationForInvocation.js';
