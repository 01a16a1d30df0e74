import { decideTrigger } from '../../../src/app/decideTrigger.js';
import { followExecution } from '../../../src/app/followExecution.js';
import { fakePorts, scheduleTrigger, settings } from '../../support/fakes.js';
import { executionStatuses } from '../../support/storedRecords.js';

const startOne = async () => {
  const fakes = fakePorts();
  const outcome = await decideTrigger(scheduleTrigger(), settings(), fakes.ports);
  if (outcome.status !== 'started') throw new Error('expected a start');
  return { ...fakes, executionArn: outcome.executionArn };
};

describe('followExecution', () => {
  it('announces a succeeded run once, however often SageMaker reports it', async () => {
    // Prepare
    const { ports, events, executionArn, records } = await startOne();
    const change = { executionArn, status: 'Succeeded', at: '2026-03-02T13:00:00Z' };

    // Act
    const outcomes = await Promise.all([followExecution(change, ports), followExecution(change, ports)]);
    const late = await followExecution(change, ports);

    // Assess
    expect(outcomes.map((o) => o.status).sort()).toEqual(['announced', 'ignored']);
    expect(late.status).toBe('ignored');
    expect(events.ofType('Retraining Succeeded')).toEqual([
      {
        detailType: 'Retraining Succeeded',
        detail: expect.objectContaining({ executionArn, correlationId: 'corr-1', trigger: scheduleTrigger().trigger }),
      },
    ]);
    expect(executionStatuses(records)).toEqual([{ decisionId: 'decision-1', status: 'Succeeded' }]);
  });

  it("announces and records a failed run with SageMaker's failure reason", async () => {
    // Prepare
    const { ports, events, records, executionArn } = await startOne();

    // Act
    const outcome = await followExecution({ executionArn, status: 'Failed', at: '2026-03-02T13:00:00Z' }, ports);

    // Assess
    expect(outcome).toEqual({ status: 'announced', outcome: 'failed' });
    expect(events.ofType('Retraining Failed')[0].detail.failure).toEqual({
      code: 'PipelineExecutionFailed',
      message: 'step Train failed',
    });
    expect(executionStatuses(records)).toEqual([
      {
        decisionId: 'decision-1',
        status: 'Failed',
        failure: { code: 'PipelineExecutionFailed', message: 'step Train failed' },
      },
    ]);
  });

  it('announces a stopped run as failed', async () => {
    // Prepare
    const { ports, events, executionArn } = await startOne();

    // Act
    await followExecution({ executionArn, status: 'Stopped', at: '2026-03-02T13:00:00Z' }, ports);

    // Assess
    expect(events.ofType('Retraining Failed')[0].detail.failure).toMatchObject({ code: 'PipelineExecutionStopped' });
  });

  it('ignores statuses that are not final and runs the fleet did not start', async () => {
    // Prepare
    const { ports, events, executionArn } = await startOne();

    // Act
    const executing = await followExecution({ executionArn, status: 'Executing', at: 't' }, ports);
    const foreign = await followExecution({ executionArn: 'arn:other', status: 'Succeeded', at: 't' }, ports);

    // Assess
    expect(executing.status).toBe('ignored');
    expect(foreign).toEqual({ status: 'ignored', why: 'not an execution the fleet started' });
    expect(events.published.map((e) => e.detailType)).toEqual(['Retraining Started']);
  });

  it('reopens the run when the announcement fails, so the retry announces it', async () => {
    // Prepare
    const { ports, events, executionArn } = await startOne();
    const change = { executionArn, status: 'Succeeded', at: '2026-03-02T13:00:00Z' };
    events.failWith = new Error('bus down');

    // Act
    await expect(followExecution(change, ports)).rejects.toThrow('bus down');
    events.failWith = undefined;
    const retry = await followExecution(change, ports);

    // Assess
    expect(retry.status).toBe('announced');
    expect(events.ofType('Retraining Succeeded')).toHaveLength(1);
  });

  it('releases the run lock of the run that ended, and a redelivery changes nothing', async () => {
    // Prepare
    const { ports, executionArn, store } = await startOne();
    const change = { executionArn, status: 'Failed', at: '2026-03-02T13:00:00.000Z' };

    // Act
    await followExecution(change, ports);
    await followExecution({ ...change, at: '2026-03-02T13:05:00.000Z' }, ports);

    // Assess
    expect(await store.getRunLock('churn-retrain')).toMatchObject({
      state: 'released',
      releasedAt: '2026-03-02T13:00:00.000Z',
      executionArn,
    });
  });

  it('leaves a lock another run took over alone', async () => {
    // Prepare
    const { ports, executionArn, store } = await startOne();
    const stale = await store.getRunLock('churn-retrain');
    const { pipelineName, pipeline, decisionId, trigger, correlationId } = stale as NonNullable<typeof stale>;
    const other = { pipelineName, pipeline, decisionId, trigger: { ...trigger }, correlationId, token: 'o'.repeat(64) };
    // A day later, the first run's lock (held for maxRunMinutes, 1440) is stale.
    await store.acquireRunLock(other, new Date('2026-03-03T12:00:00.000Z'), 1440 * 60_000);

    // Act
    await followExecution({ executionArn, status: 'Succeeded', at: '2026-03-03T13:00:00.000Z' }, ports);

    // Assess
    expect(await store.getRunLock('churn-retrain')).toMatchObject({ state: 'held', token: 'o'.repeat(64) });
  });
});
