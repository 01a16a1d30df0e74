import { FleetMetric } from '@fleet/shared';
import { decideTrigger } from '../../../src/app/decideTrigger.js';
import { followExecution } from '../../../src/app/followExecution.js';
import { PipelineStartError } from '../../../src/domain/errors.js';
import { fakePorts, scheduleTrigger, settings } from '../../support/fakes.js';

const throttled = () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });

/** Fakes whose start fails for good, so decideTrigger takes its failure path. */
const failingStart = () => {
  const fakes = fakePorts();
  fakes.runner.failWith = Object.assign(new Error('no such pipeline'), { name: 'ResourceNotFound' });
  return fakes;
};

const startOne = async () => {
  const fakes = fakePorts();
  const outcome = await decideTrigger(scheduleTrigger(), settings(), fakes.ports);
  if (outcome.status !== 'started') throw new Error('expected a start');
  return { ...fakes, executionArn: outcome.executionArn };
};

describe('failures handled without a rethrow', () => {
  it('logs and counts a claim that could not be released after a failed start', async () => {
    // Prepare
    const { ports, store, logger, metrics } = failingStart();
    jest.spyOn(store, 'failClaim').mockRejectedValue(throttled());

    // Act
    const error = await decideTrigger(scheduleTrigger(), settings(), ports).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(PipelineStartError);
    expect(metrics.counts[FleetMetric.BestEffortFailures]).toBe(1);
    expect(logger.lines).toContainEqual({
      level: 'error',
      message: expect.stringContaining('could not release the trigger claim'),
      attributes: expect.objectContaining({
        correlationId: 'corr-1',
        step: 'TriggerClaimReleaseFailed',
        error: { name: 'ThrottlingException', message: 'Rate exceeded' },
      }),
    });
  });

  it('logs and counts a failed decision that could not be recorded', async () => {
    // Prepare
    const { ports, store, logger, metrics, events } = failingStart();
    jest.spyOn(store, 'recordDecision').mockRejectedValue(throttled());

    // Act
    await expect(decideTrigger(scheduleTrigger(), settings(), ports)).rejects.toThrow(PipelineStartError);

    // Assess
    expect(metrics.counts[FleetMetric.BestEffortFailures]).toBe(1);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'error',
        attributes: expect.objectContaining({ correlationId: 'corr-1', step: 'DecisionRecordFailed' }),
      }),
    );
    expect(events.ofType('Retraining Failed')).toHaveLength(1);
  });

  it('logs and counts a Retraining Failed that could not be published', async () => {
    // Prepare
    const { ports, events, logger, metrics } = failingStart();
    events.failWith = throttled();

    // Act
    await expect(decideTrigger(scheduleTrigger(), settings(), ports)).rejects.toThrow(PipelineStartError);

    // Assess
    expect(metrics.counts[FleetMetric.BestEffortFailures]).toBe(1);
    expect(logger.lines).toContainEqual({
      level: 'error',
      message: 'could not publish Retraining Failed',
      attributes: expect.objectContaining({
        correlationId: 'corr-1',
        step: 'RetrainingFailedNotPublished',
        failure: { code: 'ResourceNotFound', message: 'no such pipeline' },
      }),
    });
  });

  it('logs and counts a run lock that could not be released after a failed start', async () => {
    // Prepare
    const { ports, store, logger, metrics } = failingStart();
    jest.spyOn(store, 'releaseRunLock').mockRejectedValue(throttled());

    // Act
    await expect(decideTrigger(scheduleTrigger(), settings(), ports)).rejects.toThrow(PipelineStartError);

    // Assess
    expect(metrics.counts[FleetMetric.BestEffortFailures]).toBe(1);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        attributes: expect.objectContaining({
          correlationId: 'corr-1',
          step: 'RunLockReleaseFailed',
          pipelineName: 'churn-retrain',
        }),
      }),
    );
  });

  it("warns and counts when SageMaker's failure reason cannot be read, and still announces the failure", async () => {
    // Prepare
    const { ports, runner, events, logger, metrics, executionArn } = await startOne();
    jest.spyOn(runner, 'failureReason').mockRejectedValue(throttled());

    // Act
    const outcome = await followExecution({ executionArn, status: 'Failed', at: '2026-03-02T13:00:00Z' }, ports);

    // Assess
    expect(outcome).toEqual({ status: 'announced', outcome: 'failed' });
    expect(events.ofType('Retraining Failed')[0].detail.failure).toEqual({
      code: 'PipelineExecutionFailed',
      message: 'the pipeline execution failed',
    });
    expect(metrics.counts[FleetMetric.BestEffortFailures]).toBe(1);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        attributes: expect.objectContaining({
          correlationId: 'corr-1',
          executionArn,
          step: 'FailureReasonLookupFailed',
        }),
      }),
    );
  });

  it('logs and counts an execution pointer that could not be reopened after a failed announcement', async () => {
    // Prepare
    const { ports, store, events, logger, metrics, executionArn } = await startOne();
    events.failWith = new Error('EventBridge unavailable');
    jest.spyOn(store, 'reopenExecution').mockRejectedValue(throttled());

    // Act
    const change = { executionArn, status: 'Succeeded', at: '2026-03-02T13:00:00Z' };
    await expect(followExecution(change, ports)).rejects.toThrow('EventBridge unavailable');

    // Assess
    expect(metrics.counts[FleetMetric.BestEffortFailures]).toBe(1);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'error',
        attributes: expect.objectContaining({
          correlationId: 'corr-1',
          step: 'ExecutionReopenFailed',
          outcome: 'succeeded',
        }),
      }),
    );
  });

  it('counts a start that failed for good as RetrainingFailed, and nothing as a best-effort failure', async () => {
    // Prepare
    const { ports, metrics, logger } = failingStart();

    // Act
    await expect(decideTrigger(scheduleTrigger(), settings(), ports)).rejects.toThrow(PipelineStartError);

    // Assess
    expect(metrics.counts).toEqual({ [FleetMetric.RetrainingFailed]: 1 });
    expect(logger.lines).toEqual([]);
  });

  it('leaves no log line and no metric when nothing fails', async () => {
    // Prepare and Act
    const { ports, logger, metrics, executionArn } = await startOne();
    await followExecution({ executionArn, status: 'Failed', at: '2026-03-02T13:00:00Z' }, ports);

    // Assess
    expect(logger.lines).toEqual([]);
    expect(metrics.counts).toEqual({});
  });
});
