import type { RecordsRepositoryPort } from '../records/RecordsRepository.js';
import type { AcquireRequest } from './AcquireRequest.js';
import type { Acquisition } from './Acquisition.js';
import type { Lease } from './Lease.js';
import type { LeaseKey } from './LeaseKey.js';

/**
 * The one exactly-once primitive: leases on records-table items, with stale takeover and fencing.
 */
export class Leases {
  readonly #records: RecordsRepositoryPort;

  constructor(records: RecordsRepositoryPort) {
    this.#records = records;
  }

  async acquire(request: AcquireRequest): Promise<Acquisition> {
    throw new Error('not implemented');
  }

  async get(key: LeaseKey): Promise<Lease | undefined> {
    throw new Error('not implemented');
  }

  async extend(lease: Lease, now: Date, durationMs: number): Promise<Lease | undefined> {
    throw new Error('not implemented');
  }

  async annotate(lease: Lease, changes: Record<string, unknown>): Promise<boolean> {
    throw new Error('not implemented');
  }

  async complete(lease: Lease, now: Date, result?: Record<string, unknown>): Promise<boolean> {
    throw new Error('not implemented');
  }

  async fail(lease: Lease, now: Date, error: unknown): Promise<boolean> {
    throw new Error('not implemented');
  }

  async release(lease: Lease, now: Date, reason?: string): Promise<boolean> {
    throw new Error('not implemented');
  }
}
