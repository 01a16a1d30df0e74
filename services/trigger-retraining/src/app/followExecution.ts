import { reportHandledFailure } from '@fleet/shared';
import { bestEffortStep } from './bestEffortStep.js';
import type { ExecutionOutcome, TriggerPorts } from './ports.js';
import { retrainingEventKey } from './retrainingEventKey.js';

/** The part of SageMaker's "Pipeline Execution Status Change" the fleet acts on. */
export type ExecutionStatusChange = {
  executionArn: string;
  status: string;
  /** When the change happened (the event's time). */
  at: string;
};

/** What following a status change came to. */
export type FollowOutcome =
  | { status: 'announced'; outcome: Exclude<ExecutionOutcome, 'pending'> }
  | { status: 'ignored'; why: string };

/** The ports following an execution uses: no scheduler, no clock. */
export type FollowPorts = Pick<TriggerPorts, 'store' | 'runner' | 'events' | 'logger' | 'metrics'>;

const terminal: Record<string, Exclude<ExecutionOutcome, 'pending'> | undefined> = {
  Succeeded: 'succeeded',
  Failed: 'failed',
  Stopped: 'stopped',
};

/**
 * Follows a run the fleet started to its end: releases the pipeline's run lock, records how
 * the run ended and announces it once.
 *
 * Runs the fleet did not start (no execution pointer) and non-final statuses are ignored. The
 * run lock is released before anything is announced, on every delivery of the final status
 * (the release is conditional on the run's token, so repeating it is harmless), so a failure
 * further on and its retry still free the pipeline for the next trigger.
 * `Succeeded` becomes `Retraining Succeeded`; `Failed` and `Stopped` become `Retraining
 * Failed` with SageMaker's failure reason when it gives one. The pointer moves from `pending`
 * to the outcome with a conditional write, so a redelivered status change announces nothing
 * twice; if the announcement then fails, the pointer is reopened and the error rethrown so
 * the retry announces it.
 */
export const followExecution = async (change: ExecutionStatusChange, ports: FollowPorts): Promise<FollowOutcome> => {
  const outcome = terminal[change.status];
  if (outcome === undefined) return { status: 'ignored', why: `status ${change.status} is not final` };
  const pointer = await ports.store.getExecution(change.executionArn);
  if (pointer === undefined) return { status: 'ignored', why: 'not an execution the fleet started' };
  // Conditional on the run's token, so a redelivery, or a lock another run took over since, is left alone.
  await ports.store.releaseRunLock(pointer.pipelineName ?? pointer.pipeline, pointer.token, change.at);
  if (pointer.outcome !== 'pending') return { status: 'ignored', why: `already ${pointer.outcome}` };
  const traced = {
    correlationId: pointer.correlationId,
    details: { pipeline: pointer.pipeline, executionArn: change.executionArn, token: pointer.token },
  };
  // The reason is a courtesy: a failed lookup must not hold back the announcement, but it is traced.
  const failureReason =
    outcome === 'failed'
      ? await ports.runner.failureReason(change.executionArn).catch((error: unknown) => {
          reportHandledFailure(ports, {
            ...traced,
            step: bestEffortStep.failureReasonLookup,
            message: 'could not read why the execution failed; announcing it without the reason',
            level: 'warn',
            error,
          });
          return undefined;
        })
      : undefined;
  if (!(await ports.store.settleExecution(change.executionArn, outcome, change.at))) {
    return { status: 'ignored', why: 'another delivery announced it' };
  }
  const common = {
    correlationId: pointer.correlationId,
    pipeline: pointer.pipeline,
    trigger: pointer.trigger,
    reason: pointer.reason,
    executionArn: change.executionArn,
  };
  const failure =
    outcome === 'succeeded'
      ? undefined
      : outcome === 'stopped'
        ? { code: 'PipelineExecutionStopped', message: 'the pipeline execution was stopped' }
        : { code: 'PipelineExecutionFailed', message: failureReason ?? 'the pipeline execution failed' };
  try {
    await ports.store.recordExecutionStatus(pointer, change.status, change.at, failure);
    if (failure === undefined) {
      await ports.events.publish('Retraining Succeeded', {
        ...common,
        eventKey: retrainingEventKey.ended('Retraining Succeeded', pointer.token),
      });
    } else {
      await ports.events.publish('Retraining Failed', {
        ...common,
        eventKey: retrainingEventKey.ended('Retraining Failed', pointer.token),
        failure,
      });
    }
  } catch (error) {
    await ports.store.reopenExecution(change.executionArn, outcome).catch((reopenError: unknown) =>
      reportHandledFailure(ports, {
        ...traced,
        step: bestEffortStep.executionReopen,
        message: 'could not reopen the execution pointer; a retry will not announce the outcome',
        error: reopenError,
        details: { ...traced.details, outcome },
      }),
    );
    throw error;
  }
  return { status: 'announced', outcome };
};
