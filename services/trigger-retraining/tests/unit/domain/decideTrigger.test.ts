import { decideTrigger } from '../../../src/domain/decideTrigger.js';
import { ParameterMappingError, PipelineStartError } from '../../../src/domain/errors.js';
import { fakePorts, scheduleTrigger, settings } from '../../support/fakes.js';

const landing = { prefix: 's3://b/raw/churn/', bucket: 'b', key: 'raw/churn/a.csv', dataset: 'churn' };

describe('decideTrigger', () => {
  it('starts the pipeline with the token, a display name, a description and the mapped parameters', async () => {
    // Prepare
    const { ports, runner, events, store } = fakePorts();

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
    expect(store.decisions.map((d) => d.decision)).toEqual(['started']);
    expect(store.claims.get(start.clientRequestToken)?.status).toBe('done');
    expect(store.executions.size).toBe(1);
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
    const { ports, runner, events, store } = fakePorts();
    runner.executing = true;

    // Act
    const outcome = await decideTrigger(scheduleTrigger(), settings(), ports);

    // Assess
    expect(outcome).toMatchObject({ status: 'skipped', skipReason: 'in-flight' });
    expect(runner.starts).toHaveLength(0);
    expect(store.decisions).toEqual([expect.objectContaining({ decision: 'skipped', skipReason: 'in-flight' })]);
    expect(events.published).toEqual([
      {
        detailType: 'Retraining Skipped',
        detail: expect.objectContaining({ skipReason: 'in-flight', reason: 'scheduled by rule nightly' }),
      },
    ]);
  });

  it('rejects an unknown parameter before any call', async () => {
    // Prepare
    const { ports, runner, events, store } = fakePorts();

    // Act
    const decision = decideTrigger(scheduleTrigger({ requested: { learningRate: 0.1 } }), settings(), ports);

    // Assess
    await expect(decision).rejects.toThrow(ParameterMappingError);
    await expect(decision).rejects.toThrow('unknown parameter field "learningRate"');
    expect(store.claims.size).toBe(0);
    expect(runner.starts).toHaveLength(0);
    expect(events.published).toHaveLength(0);
  });

  it('records, announces and rethrows a start that failed, and lets the retry start it', async () => {
    // Prepare
    const { ports, runner, events, store } = fakePorts();
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
    expect(store.decisions.map((d) => d.decision)).toEqual(['failed', 'started']);
    expect(retry.status).toBe('started');
    expect(runner.starts.map((s) => s.clientRequestToken)).toEqual([
      runner.starts[0].clientRequestToken,
      runner.starts[0].clientRequestToken,
    ]);
  });

  it('releases the claim when announcing a start fails, so the retry announces it', async () => {
    // Prepare
    const { ports, events, store } = fakePorts();
    events.failWith = new Error('bus down');

    // Act
    await expect(decideTrigger(scheduleTrigger(), settings(), ports)).rejects.toThrow('bus down');
    events.failWith = undefined;
    const retry = await decideTrigger(scheduleTrigger(), settings(), ports);

    // Assess
    expect(retry.status).toBe('started');
    expect(events.ofType('Retraining Started')).toHaveLength(1);
    expect(events.ofType('Retraining Failed')).toHaveLength(0);
    expect(store.executions.size).toBe(1);
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
});
