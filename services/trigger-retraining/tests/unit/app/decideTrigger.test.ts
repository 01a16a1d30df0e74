import { decideTrigger } from '../../../src/app/decideTrigger.js';
import { followExecution } from '../../../src/app/followExecution.js';
import { ParameterMappingError, PipelineStartError, UndeclaredParameterError } from '../../../src/domain/errors.js';
import { fakePorts, scheduleTrigger, settings } from '../../support/fakes.js';
import { storedDecisions, storedUnder } from '../../support/storedRecords.js';

const datasetTrigger = scheduleTrigger({
  trigger: { kind: 'dataset', id: 's3://b/raw/churn/b.csv#etag:2' },
  reason: 'dataset churn landed',
  correlationId: 'corr-2',
});

const landing = { prefix: 's3://b/raw/churn/', bucket: 'b', key: 'raw/churn/a.csv', dataset: 'churn' };

describe('decideTrigger', () => {
  it('starts the pipeline with the token, a display name, a description and the mapped parameters', async () => {
    // Prepare
    const { ports, runner, events, store, records } = fakePorts();

    // Act
    const outcome = await decideTrigger(scheduleTrigger({ requested: { trainingWindowDays: 30 } }), settings(), ports);

    // Assess
    expect(outcome.status).toBe('started');
    expect(runner.starts).toHaveLength(1);
    const start = runner.starts[0];
    expect(start.clientRequestToken).toMatch(/^[0-9a-f]{64}$/);
    expect(start.displayName).toMatch(/^schedule-churn-retrain-20260302T120000Z-[0-9a-f]{8}$/);
    expect(start.description).toContain('correlationId corr-1');
    expect(start.parameters).toEqual([
      { Name: 'ModelApprovalStatus', Value: 'PendingManualApproval' },
      { Name: 'TriggerReason', Value: 'scheduled by rule nightly' },
      { Name: 'TrainingWindowDays', Value: '30' },
    ]);
    expect(events.ofType('Retraining Started')).toEqual([
      {
        detailType: 'Retraining Started',
        detail: expect.objectContaining({
          correlationId: 'corr-1',
          pipeline: 'churn-retrain',
          executionArn: expect.stringContaining(':pipeline/churn-retrain/execution/'),
          parameters: expect.objectContaining({ TrainingWindowDays: '30' }),
        }),
      },
    ]);
    expect(storedDecisions(records).map((d) => d.decision)).toEqual(['started']);
    expect((await store.getClaim(start.clientRequestToken))?.state).toBe('completed');
    expect(storedUnder(records, 'EXECUTION#')).toHaveLength(1);
  });

  it('starts once for the same trigger delivered three times at once', async () => {
    // Prepare
    const { ports, runner, events } = fakePorts();

    // Act
    const outcomes = await Promise.all([1, 2, 3].map(() => decideTrigger(scheduleTrigger(), settings(), ports)));

    // Assess
    expect(runner.starts).toHaveLength(1);
    expect(events.ofType('Retraining Started')).toHaveLength(1);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['skipped', 'skipped', 'started']);
    expect(events.ofType('Retraining Skipped').map((e) => e.detail.skipReason)).toEqual(['duplicate', 'duplicate']);
  });

  it('records and announces the first guard that stops a run', async () => {
    // Prepare
    const { ports, runner, events, records } = fakePorts();
    runner.executing = true;

    // Act
    const outcome = await decideTrigger(scheduleTrigger(), settings(), ports);

    // Assess
    expect(outcome).toMatchObject({ status: 'skipped', skipReason: 'in-flight' });
    expect(runner.starts).toHaveLength(0);
    expect(storedDecisions(records)).toEqual([
      expect.objectContaining({ decision: 'skipped', skipReason: 'in-flight' }),
    ]);
    expect(events.published).toEqual([
      {
        detailType: 'Retraining Skipped',
        detail: expect.objectContaining({ skipReason: 'in-flight', reason: 'scheduled by rule nightly' }),
      },
    ]);
  });

  it('rejects an unknown parameter before any call', async () => {
    // Prepare
    const { ports, runner, events, records } = fakePorts();

    // Act
    const decision = decideTrigger(scheduleTrigger({ requested: { learningRate: 0.1 } }), settings(), ports);

    // Assess
    await expect(decision).rejects.toThrow(ParameterMappingError);
    await expect(decision).rejects.toThrow('unknown parameter field "learningRate"');
    expect(storedUnder(records, 'IDEMPOTENCY#')).toHaveLength(0);
    expect(runner.starts).toHaveLength(0);
    expect(events.published).toHaveLength(0);
  });

  it('records, announces and rethrows a start that failed, and lets the retry start it', async () => {
    // Prepare
    const { ports, runner, events, records } = fakePorts();
    runner.failWith = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });

    // Act
    const first = decideTrigger(scheduleTrigger(), settings(), ports);
    await expect(first).rejects.toThrow(PipelineStartError);
    runner.failWith = undefined;
    const retry = await decideTrigger(scheduleTrigger(), settings(), ports);

    // Assess
    expect(events.ofType('Retraining Failed')).toEqual([
      {
        detailType: 'Retraining Failed',
        detail: expect.objectContaining({ failure: { code: 'ThrottlingException', message: 'Rate exceeded' } }),
      },
    ]);
    expect(storedDecisions(records).map((d) => d.decision)).toEqual(['failed', 'started']);
    expect(retry.status).toBe('started');
    expect(runner.starts.map((s) => s.clientRequestToken)).toEqual([
      runner.starts[0].clientRequestToken,
      runner.starts[0].clientRequestToken,
    ]);
  });

  it('releases the claim when announcing a start fails, so the retry announces it', async () => {
    // Prepare
    const { ports, events, records } = fakePorts();
    events.failWith = new Error('bus down');

    // Act
    await expect(decideTrigger(scheduleTrigger(), settings(), ports)).rejects.toThrow('bus down');
    events.failWith = undefined;
    const retry = await decideTrigger(scheduleTrigger(), settings(), ports);

    // Assess
    expect(retry.status).toBe('started');
    expect(events.ofType('Retraining Started')).toHaveLength(1);
    expect(events.ofType('Retraining Failed')).toHaveLength(0);
    expect(storedUnder(records, 'EXECUTION#')).toHaveLength(1);
  });

  it('arms the debounce schedule for a landing and records it as pending', async () => {
    // Prepare
    const { ports, scheduler, store, events, runner } = fakePorts('2026-03-02T12:00:00.250Z');

    // Act
    const outcome = await decideTrigger(
      scheduleTrigger({ trigger: { kind: 'dataset', id: 's3://b/raw/churn/a.csv#etag:1' }, landing }),
      settings({ debounceSeconds: 120 }),
      ports,
    );

    // Assess
    expect(outcome).toMatchObject({ status: 'skipped', skipReason: 'debounced' });
    expect(runner.starts).toHaveLength(0);
    expect(scheduler.armed).toEqual([
      {
        name: expect.stringMatching(/^debounce-churn-retrain-[0-9a-f]{20}$/),
        at: new Date('2026-03-02T12:02:01.000Z'),
        payload: {
          kind: 'debounce',
          pipeline: 'churn-retrain',
          prefix: 's3://b/raw/churn/',
          armedAt: '2026-03-02T12:00:00.250Z',
        },
      },
    ]);
    expect(await store.getPending('churn-retrain', 's3://b/raw/churn/')).toMatchObject({
      landings: 1,
      lastLanding: { triggerId: 's3://b/raw/churn/a.csv#etag:1', key: 'raw/churn/a.csv' },
    });
    expect(events.ofType('Retraining Skipped')[0].detail.skipReason).toBe('debounced');
  });

  it('starts one run for two different triggers at once and answers the other as in flight', async () => {
    // Prepare
    const { ports, runner, events, store } = fakePorts();

    // Act
    const outcomes = await Promise.all([
      decideTrigger(scheduleTrigger(), settings(), ports),
      decideTrigger(datasetTrigger, settings(), ports),
    ]);

    // Assess
    expect(runner.starts).toHaveLength(1);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['skipped', 'started']);
    expect(events.ofType('Retraining Started')).toHaveLength(1);
    expect(events.ofType('Retraining Skipped').map((e) => e.detail.skipReason)).toEqual(['in-flight']);
    const started = outcomes.find((o) => o.status === 'started');
    expect(await store.getRunLock('churn-retrain')).toMatchObject({
      state: 'held',
      token: started?.status === 'started' ? started.token : 'none',
      decisionId: started?.status === 'started' ? started.decisionId : 'none',
      executionArn: started?.status === 'started' ? started.executionArn : 'none',
      acquiredAt: '2026-03-02T12:00:00.000Z',
    });
    const skipped = outcomes.find((o) => o.status === 'skipped');
    expect((await store.getClaim(skipped?.status === 'skipped' ? skipped.token : ''))?.state).toBe('completed');
  });

  it('starts again once the run holding the lock has ended', async () => {
    // Prepare
    const { ports, runner, clock } = fakePorts();
    const first = await decideTrigger(scheduleTrigger(), settings(), ports);
    const executionArn = first.status === 'started' ? first.executionArn : 'no run';
    clock.advance(60_000);
    const blocked = await decideTrigger(datasetTrigger, settings(), ports);
    await followExecution({ executionArn, status: 'Succeeded', at: clock.now().toISOString() }, ports);

    // Act
    const next = await decideTrigger(
      scheduleTrigger({ trigger: { kind: 'manual', id: 'rerun-1' }, correlationId: 'corr-3' }),
      settings(),
      ports,
    );

    // Assess
    expect(blocked).toMatchObject({ status: 'skipped', skipReason: 'in-flight' });
    expect(next.status).toBe('started');
    expect(runner.starts).toHaveLength(2);
  });

  it('takes over a lock older than maxRunMinutes, whose end was never reported', async () => {
    // Prepare
    const { ports, runner, clock, store } = fakePorts();
    await decideTrigger(scheduleTrigger(), settings({ maxRunMinutes: 120 }), ports);
    clock.advance(120 * 60_000);

    // Act
    const outcome = await decideTrigger(datasetTrigger, settings({ maxRunMinutes: 120 }), ports);

    // Assess
    expect(outcome.status).toBe('started');
    expect(runner.starts).toHaveLength(2);
    expect(await store.getRunLock('churn-retrain')).toMatchObject({
      state: 'held',
      correlationId: 'corr-2',
      acquiredAt: '2026-03-02T14:00:00.000Z',
      executionArn: outcome.status === 'started' ? outcome.executionArn : 'none',
    });
  });

  it('releases the lock when the start fails for good, so another trigger may start', async () => {
    // Prepare
    const { ports, runner, store } = fakePorts();
    runner.failWith = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    await expect(decideTrigger(scheduleTrigger(), settings(), ports)).rejects.toThrow(PipelineStartError);
    runner.failWith = undefined;

    // Act
    const outcome = await decideTrigger(datasetTrigger, settings(), ports);

    // Assess
    expect(outcome.status).toBe('started');
    expect(await store.getRunLock('churn-retrain')).toMatchObject({ state: 'held', correlationId: 'corr-2' });
  });

  it('fails a trigger whose parameter the pipeline does not declare, without a start or a lock', async () => {
    // Prepare
    const { ports, runner, events, records } = fakePorts();
    runner.declared = ['InputDataUri', 'ModelApprovalStatus'];

    // Act
    const decision = decideTrigger(scheduleTrigger(), settings(), ports);

    // Assess
    await expect(decision).rejects.toThrow(UndeclaredParameterError);
    await expect(decision).rejects.toThrow(
      'SageMaker pipeline "churn-retrain" does not declare parameter "TriggerReason" (from pipelines.churn-retrain.parameters.reason)',
    );
    expect(runner.starts).toHaveLength(0);
    expect(runner.described).toEqual(['churn-retrain']);
    expect(storedUnder(records, 'LOCK#')).toHaveLength(0);
    expect(events.published).toEqual([
      {
        detailType: 'Retraining Failed',
        detail: expect.objectContaining({
          pipeline: 'churn-retrain',
          failure: { code: 'UndeclaredParameter', message: expect.stringContaining('"TriggerReason"') },
        }),
      },
    ]);
    expect(storedDecisions(records)).toEqual([
      expect.objectContaining({
        decision: 'failed',
        failure: expect.objectContaining({ code: 'UndeclaredParameter' }),
      }),
    ]);
    expect(storedUnder(records, 'IDEMPOTENCY#').map((c) => c.state)).toEqual(['failed']);
  });

  it('records, announces and rethrows a pipeline definition that cannot be read', async () => {
    // Prepare
    const { ports, runner, events } = fakePorts();
    runner.describeFailWith = Object.assign(new Error('Pipeline churn-retrain does not exist'), {
      name: 'ResourceNotFound',
    });

    // Act
    const error = await decideTrigger(scheduleTrigger(), settings(), ports).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(PipelineStartError);
    expect((error as PipelineStartError).code).toBe('ResourceNotFound');
    expect(runner.starts).toHaveLength(0);
    expect(events.ofType('Retraining Failed')[0].detail.failure).toEqual({
      code: 'ResourceNotFound',
      message: 'Pipeline churn-retrain does not exist',
    });
  });

  it('does not read the pipeline definition for a skipped trigger', async () => {
    // Prepare
    const { ports, runner } = fakePorts();
    runner.executing = true;

    // Act
    await decideTrigger(scheduleTrigger(), settings(), ports);

    // Assess
    expect(runner.described).toEqual([]);
  });
});
