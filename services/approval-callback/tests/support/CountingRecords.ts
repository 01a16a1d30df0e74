import type { DeleteOptions, FleetRecord, HistoryOptions, RecordsRepositoryPort, UpdateOptions } from '@fleet/shared';

/** Wraps a records repository and counts every call, to show that nothing was read or written. */
export class CountingRecords implements RecordsRepositoryPort {
  readonly inner: RecordsRepositoryPort;
  calls = 0;

  constructor(inner: RecordsRepositoryPort) {
    this.inner = inner;
  }

  put(record: FleetRecord) {
    this.calls++;
    return this.inner.put(record);
  }

  putIfAbsent(record: FleetRecord) {
    this.calls++;
    return this.inner.putIfAbsent(record);
  }

  get(pk: string, sk: string) {
    this.calls++;
    return this.inner.get(pk, sk);
  }

  update(pk: string, sk: string, changes: Record<string, unknown>, options?: UpdateOptions) {
    this.calls++;
    return this.inner.update(pk, sk, changes, options);
  }

  delete(pk: string, sk: string, options?: DeleteOptions) {
    this.calls++;
    return this.inner.delete(pk, sk, options);
  }

  history(pk: string, options?: HistoryOptions) {
    this.calls++;
    return this.inner.history(pk, options);
  }

  byCorrelation(correlationId: string) {
    this.calls++;
    return this.inner.byCorrelation(correlationId);
  }
}
