import { type AcquireRequest, type FleetRecord, type Lease, Leases, type RecordsRepositoryPort } from '@fleet/shared';
import type { DriftStore } from '../app/ports.js';

/**
 * The drift monitor's records over the fleet's records table: the window lease (the shared
 * `Leases`), the model's history, point reads along the lineage, and drift records.
 */
export class RecordsDriftStore implements DriftStore {
  readonly #records: RecordsRepositoryPort;
  readonly #leases: Leases;

  constructor(records: RecordsRepositoryPort) {
    this.#records = records;
    this.#leases = new Leases(records);
  }

  acquire(request: AcquireRequest) {
    return this.#leases.acquire(request);
  }

  complete(lease: Lease, now: Date, result: Record<string, unknown>): Promise<boolean> {
    return this.#leases.complete(lease, now, result);
  }

  fail(lease: Lease, now: Date, error: unknown): Promise<boolean> {
    return this.#leases.fail(lease, now, error);
  }

  modelHistory(model: string, since: string): Promise<FleetRecord[]> {
    return this.#records.history(`MODEL#${model}`, { since, newestFirst: true });
  }

  get(pk: string, sk: string): Promise<FleetRecord | undefined> {
    return this.#records.get(pk, sk);
  }

  async putDrift(record: FleetRecord): Promise<void> {
    // The drift history is kept for audit: never expired.
    await this.#records.put({ ...record, ttl: undefined });
  }
}
