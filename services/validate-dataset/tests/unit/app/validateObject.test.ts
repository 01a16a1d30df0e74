import type { FleetRecord } from '@fleet/shared';
import { validateObject } from '../../../src/app/validateObject.js';
import { validationEventKey } from '../../../src/app/validationKeys.js';
import { BUCKET, brokenChurn, churnBaseline } from '../../support/fixtures.js';
import { memoryPorts } from '../../support/memoryPorts.js';

const KEY = 'raw/churn/2024-05-01/customers.csv';

const validations = (records: FleetRecord[]) => records.filter((r) => r.kind === 'validation');

describe('validateObject', () => {
  it('validates a dataset that passes: one record, one profile and Dataset Validated', async () => {
    // Prepare
    const { ports, objects, records, events } = memoryPorts();
    const version = objects.put(BUCKET, KEY, churnBaseline());

    // Act
    const outcome = await validateObject({ ...version, correlationId: 'evt-1' }, ports);

    // Assess
    expect(outcome).toMatchObject({ status: 'validated', dataset: 'churn', rows: 8000, issueCounts: {} });
    const [record] = validations(records.records);
    expect(validations(records.records)).toHaveLength(1);
    expect(record).toMatchObject({
      pk: 'DATASET#churn',
      kind: 'validation',
      verdict: 'validated',
      dataset: 'churn',
      bucket: BUCKET,
      key: KEY,
      etag: version.etag,
      contract: 'contracts/churn.yaml',
      rows: 8000,
      correlationId: 'evt-1',
      profileKey: `profiles/churn/${KEY}.${version.etag}.json`,
    });
    expect(record.sk).toMatch(/^2024-05-01T10:00:00\.000Z#validation#[0-9a-f]{20}$/);
    expect(record.contractHash).toMatch(/^[0-9a-f]{64}$/);
    expect(objects.written).toEqual([`profiles/churn/${KEY}.${version.etag}.json`]);
    expect(objects.json(BUCKET, objects.written[0])).toMatchObject({
      dataset: 'churn',
      key: KEY,
      rows: 8000,
      profile: { rows: 8000, columns: { tenure_months: { type: 'integer', count: 8000 } } },
    });
    const [event] = events.ofType('Dataset Validated');
    expect(events.published).toHaveLength(1);
    expect(event.detail).toEqual({
      correlationId: 'evt-1',
      dataset: 'churn',
      bucket: BUCKET,
      key: KEY,
      etag: version.etag,
      contract: 'contracts/churn.yaml',
      contractHash: record.contractHash,
      rows: 8000,
      issueCounts: {},
      recordKey: `${record.pk}|${record.sk}`,
      profileKey: record.profileKey,
      eventKey: validationEventKey('Dataset Validated', { bucket: BUCKET, key: KEY, etag: version.etag }),
    });
    expect(event.resources).toEqual([`arn:aws:s3:::${BUCKET}/${KEY}`]);
  });

  it('rejects a broken dataset with its issue codes and locations and writes no profile', async () => {
    // Prepare
    const { ports, objects, records, events } = memoryPorts();
    const version = objects.put(BUCKET, KEY, brokenChurn());

    // Act
    const outcome = await validateObject({ ...version, correlationId: 'evt-2' }, ports);

    // Assess
    expect(outcome).toMatchObject({ status: 'rejected', passed: false });
    const [event] = events.ofType('Dataset Rejected');
    expect(events.published).toHaveLength(1);
    expect(event.detail.issueCounts).toEqual({ below_min: 1, not_in_values: 1 });
    expect(event.detail.issues).toEqual([
      expect.objectContaining({ code: 'below_min', line: 5, row: 4, column: 'tenure_months' }),
      expect.objectContaining({ code: 'not_in_values', line: 10, row: 9, column: 'contract' }),
    ]);
    expect(event.detail).not.toHaveProperty('profileKey');
    expect(event.detail.eventKey).toBe(validationEventKey('Dataset Rejected', version));
    expect(objects.written).toEqual([]);
    const [record] = validations(records.records);
    expect(record).toMatchObject({ verdict: 'rejected', issueCounts: { below_min: 1, not_in_values: 1 } });
    expect(record.issues).toHaveLength(2);
    expect(record).not.toHaveProperty('profileKey');
  });

  it('writes nothing and emits nothing when the same object version is delivered again', async () => {
    // Prepare
    const { ports, objects, records, events, advance } = memoryPorts();
    const version = objects.put(BUCKET, KEY, churnBaseline());
    const first = await validateObject({ ...version, correlationId: 'evt-1' }, ports);
    const before = records.records;
    advance(60_000);

    // Act
    const again = await validateObject({ ...version, correlationId: 'evt-1' }, ports);

    // Assess
    expect(again).toMatchObject({
      status: 'duplicate',
      verdict: 'validated',
      rows: 8000,
      recordKey: first.status === 'validated' ? first.recordKey : 'unexpected',
    });
    expect(records.records).toEqual(before);
    expect(events.published).toHaveLength(1);
    expect(objects.opened).toHaveLength(1);
  });

  it('validates a new version of the same key as a new dataset', async () => {
    // Prepare
    const { ports, objects, records, events } = memoryPorts();
    const first = objects.put(BUCKET, KEY, churnBaseline(), { versionId: 'v1' });
    await validateObject({ ...first, correlationId: 'evt-1' }, ports);
    const second = objects.put(BUCKET, KEY, brokenChurn(), { versionId: 'v2' });

    // Act
    const outcome = await validateObject({ ...second, correlationId: 'evt-2' }, ports);

    // Assess
    expect(outcome.status).toBe('rejected');
    expect(validations(records.records)).toHaveLength(2);
    expect(events.published.map((e) => e.detailType)).toEqual(['Dataset Validated', 'Dataset Rejected']);
    expect(events.published[1].detail).toMatchObject({ versionId: 'v2', etag: second.etag });
  });

  it('uses the longest matching prefix when several contracts match', async () => {
    // Prepare
    const { ports, objects, events } = memoryPorts();
    const version = objects.put(BUCKET, 'raw/churn/special/ids.csv', 'customer_id\nA\nB\n');

    // Act
    const outcome = await validateObject({ ...version, correlationId: 'evt-3' }, ports);

    // Assess
    expect(outcome).toMatchObject({
      status: 'validated',
      dataset: 'churn-special',
      contract: 'contracts/churn-special.yaml',
    });
    expect(events.ofType('Dataset Validated')[0].detail.dataset).toBe('churn-special');
  });

  it.each([
    ['a profile', 'profiles/churn/raw/churn/a.csv.abc.json', 'profile'],
    ['a folder marker', 'raw/churn/', 'folder-marker'],
    ['a key no contract matches', 'raw/other/a.csv', 'no-contract'],
  ])('skips %s without reading it, writing or emitting', async (_, key, reason) => {
    // Prepare
    const { ports, objects, records, events } = memoryPorts();
    const version = objects.put(BUCKET, key, 'x');

    // Act
    const outcome = await validateObject({ ...version, correlationId: 'evt-4' }, ports);

    // Assess
    expect(outcome).toMatchObject({ status: 'skipped', reason, key });
    expect(objects.opened).toEqual([]);
    expect(records.records).toEqual([]);
    expect(events.published).toEqual([]);
  });

  it('skips an object deleted after its event and releases its claim', async () => {
    // Prepare
    const { ports, objects, records, events } = memoryPorts();
    const version = objects.put(BUCKET, KEY, churnBaseline());
    objects.remove(BUCKET, KEY);

    // Act
    const outcome = await validateObject({ ...version, correlationId: 'evt-5' }, ports);

    // Assess
    expect(outcome).toMatchObject({ status: 'skipped', reason: 'gone' });
    expect(validations(records.records)).toEqual([]);
    expect(records.records).toEqual([expect.objectContaining({ kind: 'idempotency', state: 'released' })]);
    expect(events.published).toEqual([]);
  });

  it('validates an object whose claim was released when it reappears', async () => {
    // Prepare
    const { ports, objects, events } = memoryPorts();
    const version = objects.put(BUCKET, KEY, churnBaseline());
    objects.remove(BUCKET, KEY);
    await validateObject({ ...version, correlationId: 'evt-5' }, ports);
    objects.put(BUCKET, KEY, churnBaseline());

    // Act
    const outcome = await validateObject({ ...version, correlationId: 'evt-5' }, ports);

    // Assess
    expect(outcome.status).toBe('validated');
    expect(events.published).toHaveLength(1);
  });

  it('skips an object overwritten after its event (the etag no longer matches)', async () => {
    // Prepare
    const { ports, objects, events } = memoryPorts();
    const announced = objects.put(BUCKET, KEY, churnBaseline());
    objects.put(BUCKET, KEY, brokenChurn());

    // Act
    const outcome = await validateObject({ ...announced, correlationId: 'evt-6' }, ports);

    // Assess
    expect(outcome).toMatchObject({ status: 'skipped', reason: 'changed' });
    expect(events.published).toEqual([]);
  });

  it('reads the current version when a direct request names none', async () => {
    // Prepare
    const { ports, objects, events } = memoryPorts();
    const version = objects.put(BUCKET, KEY, churnBaseline(), { versionId: 'v7' });

    // Act
    const outcome = await validateObject({ bucket: BUCKET, key: KEY, correlationId: 'req-1' }, ports);

    // Assess
    expect(outcome).toMatchObject({ status: 'validated', versionId: 'v7', etag: version.etag });
    expect(objects.opened).toEqual([{ bucket: BUCKET, key: KEY, versionId: 'v7', etag: version.etag }]);
    expect(events.ofType('Dataset Validated')[0].detail.profileKey).toBe(`profiles/churn/${KEY}.v7.json`);
  });

  it('skips a direct request for an object that does not exist', async () => {
    // Prepare
    const { ports, records } = memoryPorts();

    // Act
    const outcome = await validateObject({ bucket: BUCKET, key: KEY, correlationId: 'req-2' }, ports);

    // Assess
    expect(outcome).toMatchObject({ status: 'skipped', reason: 'gone' });
    expect(records.records).toEqual([]);
  });

  it('marks the claim failed when publishing fails, and the retry writes the same record and emits once', async () => {
    // Prepare
    const { ports, objects, records, events, advance } = memoryPorts();
    const version = objects.put(BUCKET, KEY, churnBaseline());
    const publish = jest.spyOn(events, 'publish').mockRejectedValueOnce(new Error('bus unavailable'));
    await expect(validateObject({ ...version, correlationId: 'evt-7' }, ports)).rejects.toThrow('bus unavailable');
    const claim = records.records.find((r) => r.kind === 'idempotency');
    const firstRecord = validations(records.records)[0];
    advance(60_000);

    // Act
    const retry = await validateObject({ ...version, correlationId: 'evt-7' }, ports);

    // Assess
    expect(claim).toMatchObject({ state: 'failed', failure: { name: 'Error', message: 'bus unavailable' } });
    expect(retry.status).toBe('validated');
    expect(validations(records.records)).toHaveLength(1);
    expect(validations(records.records)[0].sk).toBe(firstRecord.sk);
    expect(publish).toHaveBeenCalledTimes(2);
    expect(events.published).toHaveLength(1);
    expect(records.records.find((r) => r.kind === 'idempotency')).toMatchObject({ state: 'completed' });
  });

  it('logs and counts a claim it could not mark failed, and still throws the error that failed the validation', async () => {
    // Prepare
    const { ports, objects, records, events, lines, counted } = memoryPorts();
    const version = objects.put(BUCKET, KEY, churnBaseline());
    jest.spyOn(events, 'publish').mockRejectedValueOnce(new Error('bus unavailable'));
    jest.spyOn(records, 'update').mockRejectedValueOnce(new Error('table unavailable'));

    // Act
    const attempt = validateObject({ ...version, correlationId: 'evt-12' }, ports);

    // Assess
    await expect(attempt).rejects.toThrow('bus unavailable');
    expect(lines).toEqual([
      {
        level: 'error',
        message: 'could not mark the validation claim failed; the retry waits for its lease to expire',
        attributes: expect.objectContaining({
          correlationId: 'evt-12',
          step: 'ValidationClaimNotMarkedFailed',
          error: { name: 'Error', message: 'table unavailable' },
          bucket: BUCKET,
          key: KEY,
          validationError: 'Error',
        }),
      },
    ]);
    expect(counted).toEqual([{ name: 'BestEffortFailures', unit: 'Count', value: 1 }]);
    expect(records.records.find((r) => r.kind === 'idempotency')).toMatchObject({ state: 'held' });
  });

  it('neither logs nor counts anything when the claim is marked failed as it should be', async () => {
    // Prepare
    const { ports, objects, events, lines, counted } = memoryPorts();
    const version = objects.put(BUCKET, KEY, churnBaseline());
    jest.spyOn(events, 'publish').mockRejectedValueOnce(new Error('bus unavailable'));

    // Act
    const attempt = validateObject({ ...version, correlationId: 'evt-13' }, ports);

    // Assess
    await expect(attempt).rejects.toThrow('bus unavailable');
    expect(lines).toEqual([]);
    expect(counted).toEqual([]);
  });

  it('publishes the same eventKey again when a retry re-publishes what a failed attempt published', async () => {
    // Prepare: the first attempt publishes, then fails to mark its claim completed.
    const { ports, objects, records, events } = memoryPorts();
    const version = objects.put(BUCKET, KEY, churnBaseline());
    jest.spyOn(records, 'update').mockRejectedValueOnce(new Error('table unavailable'));
    await expect(validateObject({ ...version, correlationId: 'evt-10' }, ports)).rejects.toThrow('table unavailable');

    // Act
    const retry = await validateObject({ ...version, correlationId: 'evt-11' }, ports);

    // Assess
    expect(retry.status).toBe('validated');
    const published = events.ofType('Dataset Validated');
    expect(published).toHaveLength(2);
    expect(published[1].detail.eventKey).toBe(published[0].detail.eventKey);
    expect(published[1].detail.correlationId).not.toBe(published[0].detail.correlationId);
  });

  it('leaves an object to the invocation that holds a live claim', async () => {
    // Prepare
    const { ports, objects, records, events } = memoryPorts();
    const version = objects.put(BUCKET, KEY, churnBaseline());
    const other = memoryPorts();
    other.objects.put(BUCKET, KEY, churnBaseline());
    // The other invocation claims and stops before reading: its lease is still running.
    jest.spyOn(other.objects, 'open').mockImplementationOnce(() => new Promise(() => {}));
    // Owner ids are unique per invocation (a UUID in production); the same id would re-enter the lease.
    void validateObject(
      { ...version, correlationId: 'evt-8' },
      { ...other.ports, records, newId: () => 'other-owner' },
    );
    await new Promise((resolve) => setImmediate(resolve));

    // Act
    const outcome = await validateObject({ ...version, correlationId: 'evt-8', leaseMs: 60_000 }, ports);

    // Assess
    expect(outcome).toMatchObject({ status: 'in-progress' });
    expect(validations(records.records)).toEqual([]);
    expect(events.published).toEqual([]);
  });

  it('takes over a claim whose lease expired (the invocation holding it timed out)', async () => {
    // Prepare
    const { ports, objects, records, events, advance } = memoryPorts();
    const version = objects.put(BUCKET, KEY, churnBaseline());
    // The first invocation claims with a 30 s lease and never finishes reading.
    jest.spyOn(objects, 'open').mockImplementationOnce(() => new Promise(() => {}));
    void validateObject({ ...version, correlationId: 'evt-9', leaseMs: 30_000 }, ports);
    await new Promise((resolve) => setImmediate(resolve));
    advance(31_000);

    // Act
    const outcome = await validateObject({ ...version, correlationId: 'evt-9' }, ports);

    // Assess
    expect(outcome.status).toBe('validated');
    expect(validations(records.records)).toHaveLength(1);
    expect(events.published).toHaveLength(1);
  });
});
