import { MemoryRecordsRepository } from '@fleet/shared';
import { ValidationClaims } from '../../../src/app/ValidationClaims.js';

const object = { bucket: 'fleet-test-data', key: 'raw/churn/a.csv', etag: 'e1' };
const result = {
  dataset: 'churn',
  verdict: 'validated' as const,
  rows: 3,
  issueCounts: {},
  recordKey: 'DATASET#churn|x',
};

describe('ValidationClaims', () => {
  it('holds a fresh claim for the lease it is given, under fence 1', async () => {
    // Prepare
    const claims = new ValidationClaims(new MemoryRecordsRepository());
    const now = new Date('2024-05-01T10:00:00.000Z');

    // Act
    const acquired = await claims.acquire(object, { correlationId: 'evt-1', owner: 'a', now, leaseMs: 65_000 });

    // Assess
    expect(acquired.outcome).toBe('acquired');
    expect(acquired.lease).toMatchObject({
      state: 'held',
      owner: 'a',
      fence: 1,
      expiresAt: '2024-05-01T10:01:05.000Z',
      key: { pk: 'IDEMPOTENCY#validation#fleet-test-data/raw/churn/a.csv/e1', sk: 'claim' },
    });
    expect(acquired.lease.record).toMatchObject({ kind: 'idempotency', correlationId: 'evt-1' });
  });

  it('refuses the late completion of a holder whose expired claim was taken over', async () => {
    // Prepare
    const records = new MemoryRecordsRepository();
    const claims = new ValidationClaims(records);
    const start = new Date('2024-05-01T10:00:00.000Z');
    const later = new Date('2024-05-01T10:00:31.000Z');
    const first = await claims.acquire(object, { correlationId: 'evt-1', owner: 'a', now: start, leaseMs: 30_000 });
    const second = await claims.acquire(object, { correlationId: 'evt-1', owner: 'b', now: later, leaseMs: 30_000 });

    // Act
    const lateCompletion = await claims.complete(first.lease, result, later);
    const completion = await claims.complete(second.lease, result, later);

    // Assess
    expect(second).toMatchObject({ outcome: 'acquired', lease: { owner: 'b', fence: 2 } });
    expect(second.lease.record.at).toBe(first.lease.record.at);
    expect(lateCompletion).toBe(false);
    expect(completion).toBe(true);
    expect(records.records).toEqual([expect.objectContaining({ state: 'completed', owner: 'b', fence: 2 })]);
  });
});
