import {
  correlationKey,
  type FleetRecord,
  partitionKey,
  RecordKind,
  type RecordKindValue,
  type RecordsRepositoryPort,
  sortKey,
  ValidationError,
} from '../src/index.js';

const record = (
  pk: string,
  at: string,
  kind: RecordKindValue,
  id: string,
  extra: Record<string, unknown> = {},
): FleetRecord => ({
  pk,
  sk: sortKey(at, kind, id),
  kind,
  id,
  at,
  correlationId: 'corr-1',
  ...extra,
});

/** A repository under test and how to shut it down. */
export type RecordsRepositoryUnderTest = { repository: RecordsRepositoryPort; stop?: () => Promise<void> };

/**
 * The behaviour every records repository must have; run against DynamoDB (dynalite) and the
 * in-memory fake so the fake cannot drift from the real thing.
 */
export const describeRecordsRepository = (name: string, start: () => Promise<RecordsRepositoryUnderTest>) =>
  describe(name, () => {
    let repository: RecordsRepositoryPort;
    let stop: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      ({ repository, stop } = await start());
    });

    afterAll(async () => {
      await stop?.();
    });

    it('writes back a record it has read, nested maps and lists included', async () => {
      // Prepare
      const pk = partitionKey('PIPELINE', 'read-back');
      await repository.put(
        record(pk, '2024-05-01T09:00:00.000Z', RecordKind.trigger, 'r1', {
          lineage: { parameters: { InputDataUri: 's3://b/k' }, objects: [{ key: 'raw/a.csv' }] },
        }),
      );
      const read = await repository.get(pk, sortKey('2024-05-01T09:00:00.000Z', RecordKind.trigger, 'r1'));

      // Act
      await repository.put({ ...read!, note: 'again' });
      const updated = await repository.update(read!.pk, read!.sk, { lineage: read!.lineage });

      // Assess
      expect(updated).toBe(true);
      expect((await repository.get(read!.pk, read!.sk))?.lineage).toEqual({
        parameters: { InputDataUri: 's3://b/k' },
        objects: [{ key: 'raw/a.csv' }],
      });
    });

    it('lets exactly one of five concurrent putIfAbsent calls win', async () => {
      // Prepare
      const pk = partitionKey('IDEMPOTENCY', 'dataset:bucket/raw/churn/a.csv@v1');
      const attempts = Array.from({ length: 5 }, (_, i) =>
        record(pk, '2024-05-01T10:00:00.000Z', RecordKind.idempotency, 'trigger', { attempt: i }),
      );

      // Act
      const results = await Promise.all(attempts.map((r) => repository.putIfAbsent(r)));

      // Assess
      expect(results.filter(Boolean)).toHaveLength(1);
      const stored = await repository.get(pk, attempts[0].sk);
      expect(stored?.attempt).toBe(results.indexOf(true));
    });

    it('puts and gets a record with its correlation index keys filled in and undefined fields dropped', async () => {
      // Prepare
      const r = record(partitionKey('DATASET', 'churn'), '2024-05-01T09:00:00.000Z', RecordKind.validation, 'v1', {
        rows: 7043,
        profileKey: undefined,
      });

      // Act
      await repository.put(r);
      const stored = await repository.get(r.pk, r.sk);

      // Assess
      expect(stored).toMatchObject({ rows: 7043, gsi1pk: correlationKey('corr-1'), gsi1sk: r.sk });
      expect(stored).not.toHaveProperty('profileKey');
    });

    it('returns undefined for a missing record', async () => {
      // Act
      const stored = await repository.get('PIPELINE#none', 'x');

      // Assess
      expect(stored).toBeUndefined();
    });

    describe('history', () => {
      const pk = partitionKey('PIPELINE', 'churn-retrain');
      const times = [
        '2024-05-01T10:00:00Z',
        '2024-05-01T08:00:00.000Z',
        '2024-05-01T08:30:00+02:00',
        '2024-05-01T12:00:00Z',
      ];

      beforeAll(async () => {
        // Written out of order, with mixed ISO forms, to show the order comes from the sort key.
        for (const [i, at] of times.entries()) {
          await repository.put(record(pk, at, RecordKind.trigger, `t${i}`, { correlationId: `corr-h${i}` }));
        }
      });

      it('returns the records of one partition in time order', async () => {
        // Act
        const history = await repository.history(pk);

        // Assess
        expect(history.map((r) => r.id)).toEqual(['t2', 't1', 't0', 't3']);
      });

      it('returns the newest first with a limit', async () => {
        // Act
        const history = await repository.history(pk, { newestFirst: true, limit: 2 });

        // Assess
        expect(history.map((r) => r.id)).toEqual(['t3', 't0']);
      });

      it('keeps only records between since and until, both inclusive', async () => {
        // Act
        const history = await repository.history(pk, { since: '2024-05-01T08:00:00Z', until: '2024-05-01T10:00:00Z' });

        // Assess
        expect(history.map((r) => r.id)).toEqual(['t1', 't0']);
      });

      it('paginates past a page of results', async () => {
        // Prepare
        const many = partitionKey('MODEL', 'paging');
        const big = 'x'.repeat(60 * 1024);
        for (let i = 0; i < 25; i++) {
          const at = new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString();
          await repository.put(record(many, at, RecordKind.drift, `d${i}`, { big }));
        }

        // Act
        const history = await repository.history(many);

        // Assess: 25 items of 60 KiB are more than one 1 MB Query page
        expect(history).toHaveLength(25);
        expect(history[24].id).toBe('d24');
      });
    });

    it('finds every record of a correlation id across partitions, in time order', async () => {
      // Prepare
      await repository.put(
        record(partitionKey('MODEL', 'churn'), '2024-06-01T10:05:00.000Z', RecordKind.approval, 'a1', {
          correlationId: 'chain-9',
        }),
      );
      await repository.put(
        record(partitionKey('DATASET', 'churn'), '2024-06-01T10:00:00.000Z', RecordKind.validation, 'v9', {
          correlationId: 'chain-9',
        }),
      );
      await repository.put(
        record(partitionKey('PIPELINE', 'churn-retrain'), '2024-06-01T10:01:00.000Z', RecordKind.trigger, 't9', {
          correlationId: 'chain-9',
        }),
      );

      // Act
      const chain = await repository.byCorrelation('chain-9');

      // Assess
      expect(chain.map((r) => r.kind)).toEqual(['validation', 'trigger', 'approval']);
    });

    it('updates only when ifEquals matches, and reports a lost race as false', async () => {
      // Prepare
      const r = record(partitionKey('APPROVAL', 'apr-1'), '2024-05-02T10:00:00.000Z', RecordKind.approval, 'apr-1', {
        status: 'pending',
      });
      await repository.put(r);

      // Act
      const first = await repository.update(
        r.pk,
        r.sk,
        { status: 'approved', decidedBy: 'U1' },
        { ifEquals: { status: 'pending' } },
      );
      const second = await repository.update(
        r.pk,
        r.sk,
        { status: 'rejected', decidedBy: 'U2' },
        { ifEquals: { status: 'pending' } },
      );

      // Assess
      expect([first, second]).toEqual([true, false]);
      expect(await repository.get(r.pk, r.sk)).toMatchObject({ status: 'approved', decidedBy: 'U1' });
    });

    it('lets exactly one of five concurrent conditional updates win', async () => {
      // Prepare
      const r = record(
        partitionKey('APPROVAL', 'apr-race'),
        '2024-05-02T11:00:00.000Z',
        RecordKind.approval,
        'apr-race',
        {
          status: 'pending',
        },
      );
      await repository.put(r);

      // Act
      const results = await Promise.all(
        ['U1', 'U2', 'U3', 'U4', 'U5'].map((user) =>
          repository.update(r.pk, r.sk, { status: 'approved', decidedBy: user }, { ifEquals: { status: 'pending' } }),
        ),
      );

      // Assess
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('removes a field given as undefined and refuses to create with ifExists', async () => {
      // Prepare
      const r = record(partitionKey('EXECUTION', 'e1'), '2024-05-02T12:00:00.000Z', RecordKind.trigger, 'e1', {
        lease: 'held',
      });
      await repository.put(r);

      // Act
      const removed = await repository.update(r.pk, r.sk, { lease: undefined, note: 'released' });
      const created = await repository.update('EXECUTION#missing', 'x', { note: 'n' }, { ifExists: true });

      // Assess
      expect(removed).toBe(true);
      expect(await repository.get(r.pk, r.sk)).not.toHaveProperty('lease');
      expect(created).toBe(false);
      expect(await repository.get('EXECUTION#missing', 'x')).toBeUndefined();
    });

    it('deletes only when ifEquals matches', async () => {
      // Prepare
      const r = record(
        partitionKey('IDEMPOTENCY', 'lock'),
        '2024-05-02T13:00:00.000Z',
        RecordKind.idempotency,
        'lock',
        {
          owner: 'a',
        },
      );
      await repository.put(r);

      // Act
      const wrongOwner = await repository.delete(r.pk, r.sk, { ifEquals: { owner: 'b' } });
      const rightOwner = await repository.delete(r.pk, r.sk, { ifEquals: { owner: 'a' } });
      const again = await repository.delete(r.pk, r.sk);

      // Assess
      expect([wrongOwner, rightOwner, again]).toEqual([false, true, false]);
    });

    it('throws ValidationError naming the field for a malformed record', async () => {
      // Prepare
      const bad = { ...record('PIPELINE#x', '2024-05-02T13:00:00.000Z', RecordKind.trigger, 'x'), at: 'yesterday' };

      // Act
      const writing = repository.put(bad);

      // Assess
      await expect(writing).rejects.toThrow(ValidationError);
      await expect(writing).rejects.toThrow('at:');
    });

    it('refuses an update of a key field', async () => {
      // Act
      const updating = repository.update('PIPELINE#x', 'x', { sk: 'other' });

      // Assess
      await expect(updating).rejects.toThrow('cannot change the key field "sk"');
    });
  });
