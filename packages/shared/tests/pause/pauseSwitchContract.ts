import {
  type PauseChange,
  PauseSwitchError,
  pauseSwitchKey,
  RecordKind,
  type RecordsRepositoryPort,
  readPauseSwitch,
  writePauseChange,
} from '../../src/index.js';

/** A repository under test and how to shut it down. */
export type PauseRepositoryUnderTest = { repository: RecordsRepositoryPort; stop?: () => Promise<void> };

const T0 = new Date('2024-05-01T10:00:00.000Z');
const later = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);

/**
 * A repository that runs `race` once, just before the first conditional update of the switch:
 * another operator's change lands between this one's read and its write.
 */
const racedOnFirstUpdate = (inner: RecordsRepositoryPort, race: () => Promise<unknown>): RecordsRepositoryPort => {
  let raced = false;
  return {
    put: (record) => inner.put(record),
    putIfAbsent: (record) => inner.putIfAbsent(record),
    get: (pk, sk) => inner.get(pk, sk),
    update: async (pk, sk, changes, options) => {
      if (!raced) {
        raced = true;
        await race();
      }
      return inner.update(pk, sk, changes, options);
    },
    delete: (pk, sk, options) => inner.delete(pk, sk, options),
    history: (pk, options) => inner.history(pk, options),
    byCorrelation: (correlationId) => inner.byCorrelation(correlationId),
  };
};

/**
 * The behaviour of the pause switch over any records repository; run against DynamoDB
 * (dynalite) and the in-memory fake.
 */
export const describePauseSwitch = (name: string, start: () => Promise<PauseRepositoryUnderTest>) =>
  describe(name, () => {
    let repository: RecordsRepositoryPort;
    let stop: (() => Promise<void>) | undefined;
    let models = 0;
    /** A model no other test uses, so the tests share one table. */
    const freshModel = (): string => `model-${++models}`;
    const change = (model: string, overrides: Partial<PauseChange> = {}): PauseChange => ({
      model,
      action: 'pause',
      by: 'alice',
      now: T0,
      changeId: `change-${model}-${Math.random().toString(16).slice(2)}`,
      ...overrides,
    });

    beforeAll(async () => {
      ({ repository, stop } = await start());
    });
    afterAll(async () => {
      await stop?.();
    });

    it('reads no switch for a model nobody paused', async () => {
      // Act
      const read = await readPauseSwitch(repository, freshModel());

      // Assess
      expect(read).toBeUndefined();
    });

    it('pauses both levers when neither is named, and writes the switch and the audit record', async () => {
      // Prepare
      const model = freshModel();

      // Act
      const result = await writePauseChange(
        repository,
        change(model, { reason: 'bad labels upstream', changeId: 'c-1' }),
      );

      // Assess
      const read = await readPauseSwitch(repository, model);
      expect(read).toEqual({
        model,
        retraining: true,
        deployment: true,
        by: 'alice',
        reason: 'bad labels upstream',
        at: T0.toISOString(),
        changeId: 'c-1',
        version: 1,
      });
      expect(result.switch).toEqual(read);
      const stored = await repository.get(pauseSwitchKey(model).pk, 'current');
      expect(stored).toMatchObject({ pk: `PAUSE#MODEL#${model}`, sk: 'current', kind: 'pause', id: model });
      const history = await repository.history(`MODEL#${model}`);
      expect(history).toEqual([
        expect.objectContaining({
          sk: `${T0.toISOString()}#pause#c-1`,
          kind: RecordKind.pause,
          id: 'c-1',
          correlationId: 'c-1',
          decision: 'paused',
          retraining: true,
          deployment: true,
          by: 'alice',
          reason: 'bad labels upstream',
          version: 1,
        }),
      ]);
      expect(await repository.byCorrelation('c-1')).toEqual([expect.objectContaining({ sk: history[0]?.sk })]);
    });

    it('changes only the named lever and keeps the other as it was', async () => {
      // Prepare
      const model = freshModel();
      await writePauseChange(repository, change(model, { deployment: true }));

      // Act
      const result = await writePauseChange(repository, change(model, { retraining: true, now: later(1) }));
      const resumed = await writePauseChange(
        repository,
        change(model, { action: 'resume', deployment: true, by: 'bob', now: later(2) }),
      );

      // Assess
      expect(result.switch).toMatchObject({ retraining: true, deployment: true, version: 2 });
      expect(resumed.switch).toMatchObject({ retraining: true, deployment: false, by: 'bob', version: 3 });
      expect(resumed.previous).toMatchObject({ retraining: true, deployment: true, version: 2 });
      const history = await repository.history(`MODEL#${model}`);
      expect(history.map((r) => [r.decision, r.retraining, r.deployment, r.version])).toEqual([
        ['paused', false, true, 1],
        ['paused', true, true, 2],
        ['resumed', true, false, 3],
      ]);
    });

    it('drops the old reason when a change gives none', async () => {
      // Prepare
      const model = freshModel();
      await writePauseChange(repository, change(model, { reason: 'incident 42' }));

      // Act
      await writePauseChange(repository, change(model, { action: 'resume', now: later(5) }));

      // Assess
      const read = await readPauseSwitch(repository, model);
      expect(read).toMatchObject({ retraining: false, deployment: false, version: 2 });
      expect(read).not.toHaveProperty('reason');
    });

    it('applies a retried change once', async () => {
      // Prepare
      const model = freshModel();
      const first = change(model, { retraining: true, changeId: 'retried' });
      await writePauseChange(repository, first);

      // Act
      const again = await writePauseChange(repository, { ...first, now: later(3) });

      // Assess
      expect(again.switch.version).toBe(1);
      expect(await repository.history(`MODEL#${model}`)).toHaveLength(1);
    });

    it('applies a change on top of one that won the race between its read and its write', async () => {
      // Prepare
      const model = freshModel();
      const raced = racedOnFirstUpdate(repository, () =>
        writePauseChange(repository, change(model, { deployment: true, by: 'bob', changeId: 'bob-1' })),
      );

      // Act
      const result = await writePauseChange(
        raced,
        change(model, { retraining: true, now: later(1), changeId: 'al-1' }),
      );

      // Assess
      expect(result.switch).toMatchObject({ retraining: true, deployment: true, by: 'alice', version: 2 });
      expect(result.previous).toMatchObject({ changeId: 'bob-1', version: 1 });
      const history = await repository.history(`MODEL#${model}`);
      expect(history.map((r) => [r.id, r.retraining, r.deployment, r.version])).toEqual([
        ['bob-1', false, true, 1],
        ['al-1', true, true, 2],
      ]);
    });

    it('throws naming the model when the change is malformed', async () => {
      // Act
      const written = writePauseChange(repository, change('churn', { by: ' ' }));

      // Assess
      await expect(written).rejects.toThrow(PauseSwitchError);
      await expect(written).rejects.toThrow('pause switch of model "churn": who makes the change ("by") is empty');
    });

    it('throws naming the key when the item there is not a pause switch', async () => {
      // Prepare
      const model = freshModel();
      const key = pauseSwitchKey(model);
      await repository.put({ ...key, kind: RecordKind.idempotency, id: 'x', at: T0.toISOString(), correlationId: 'x' });

      // Act
      const read = readPauseSwitch(repository, model);

      // Assess
      await expect(read).rejects.toThrow(`the item PAUSE#MODEL#${model} current is not a pause switch`);
    });
  });
