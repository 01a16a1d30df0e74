import { FleetMetric, reportHandledFailure, type SkipReasonValue } from '@fleet/shared';
import { coverObjects } from '../domain/CoveredObject.js';
import { checkDeclaredParameters } from '../domain/checkDeclaredParameters.js';
import { clientRequestToken } from '../domain/clientRequestToken.js';
import { ceilToSecond, debounceScheduleName } from '../domain/debounceScheduleName.js';
import { displayName } from '../domain/displayName.js';
import { PipelineStartError, UndeclaredParameterError } from '../domain/errors.js';
import { executionDescription } from '../domain/executionDescription.js';
import { mapParameters, type PipelineParameter } from '../domain/mapParameters.js';
import type { PipelineSettings } from '../domain/PipelineSettings.js';
import { runInput } from '../domain/runInput.js';
import type { TriggerRequest } from '../domain/TriggerRequest.js';
import { bestEffortStep } from './bestEffortStep.js';
import type { Guard } from './guards/Guard.js';
import { firstStop, guardsInOrder } from './guards/runGuards.js';
import type { PendingLandings, RunLockRequest, TriggerDecision, TriggerPorts } from './ports.js';
import { retrainingEventKey } from './retrainingEventKey.js';

/** What one trigger came to. */
export type TriggerOutcome =
  | {
      status: 'started';
      token: string;
      decisionId: string;
      executionArn: string;
      parameters: Record<string, string>;
    }
  | { status: 'skipped'; token: string; decisionId: string; skipReason: SkipReasonValue }
  | { status: 'ignored'; why: string };

const errorCode = (error: unknown): string =>
  error instanceof Error && error.name !== '' && error.name !== 'Error' ? error.name : 'StartFailed';

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const asRecord = (parameters: PipelineParameter[]): Record<string, string> =>
  Object.fromEntries(parameters.map((p) => [p.Name, p.Value]));

/** How one invocation decides: how long its claim holds, and (for tests) which guards run. */
export type DecideOptions = {
  /**
   * How long the claim on the trigger holds if this invocation dies: the Lambda's remaining
   * time plus a margin (`leaseDurationForInvocation`), so the retry after a time-out finds it
   * expired. The duplicate guard's default when absent.
   */
  claimLeaseMs?: number;
  guards?: readonly Guard[];
};

/** Records a landing under its prefix and (re)arms the prefix's one-time schedule at now plus the window. */
const armDebounce = async (
  request: TriggerRequest,
  settings: PipelineSettings,
  ports: TriggerPorts,
  now: Date,
): Promise<void> => {
  const landing = request.landing;
  if (landing === undefined) return;
  const at = now.toISOString();
  const previous = await ports.store.getPending(settings.key, landing.prefix);
  const fresh = previous === undefined || previous.consumedLanding === previous.lastLanding.triggerId;
  const covered = coverObjects(
    fresh ? { objects: [], omitted: 0 } : { objects: previous.objects ?? [], omitted: previous.objectsOmitted ?? 0 },
    request.covers?.objects ?? [],
  );
  const pending: PendingLandings = {
    pipeline: settings.key,
    prefix: landing.prefix,
    armedAt: at,
    firstLandingAt: fresh ? at : previous.firstLandingAt,
    landings: fresh ? 1 : previous.landings + 1,
    objects: covered.objects,
    ...(covered.omitted > 0 ? { objectsOmitted: covered.omitted } : {}),
    lastLanding: {
      triggerId: request.trigger.id,
      bucket: landing.bucket,
      key: landing.key,
      at,
      correlationId: request.correlationId,
      dataset: landing.dataset,
      contractHash: landing.contractHash,
    },
  };
  await ports.store.putPending(pending);
  await ports.scheduler.arm({
    name: debounceScheduleName(settings.key, landing.prefix),
    at: ceilToSecond(now.getTime() + settings.guards.debounceSeconds * 1000),
    payload: { kind: 'debounce', pipeline: settings.key, prefix: landing.prefix, armedAt: at },
  });
};

/**
 * Decides one trigger: maps its parameters, runs the guards in order, checks the parameters
 * against the pipeline's declaration, takes the pipeline's run lock, then starts the pipeline
 * or records why not.
 *
 * Parameters are mapped first, before any call, so a bad trigger throws
 * ParameterMappingError without touching AWS. The first guard that stops the run is recorded
 * with its reason and announced as `Retraining Skipped` (a debounced landing also arms its
 * schedule). Once every guard passed, a parameter the SageMaker pipeline does not declare
 * fails the trigger (UndeclaredParameterError), and then the run lock is taken with a
 * conditional write: a different trigger of the same pipeline that took it first makes this
 * one a `Retraining Skipped` with `in-flight`. A start carries the trigger's
 * ClientRequestToken, a valid display name and a description with the reason and correlation
 * id; it is recorded with a pointer from the execution ARN and announced as `Retraining
 * Started`. A failure after the guards (the pipeline's declaration unreadable or violated, or
 * a start that still fails after the SDK's retries) is recorded, announced as `Retraining
 * Failed` and rethrown, so Lambda's async retry and dead-letter queue apply; a failed start
 * also releases the run lock. On any failure the claim is failed (a lease in state `failed`) so
 * the retry takes it over instead of being mistaken for a duplicate.
 *
 * @throws ParameterMappingError when a field is not allow-listed or breaks a SageMaker limit
 * @throws UndeclaredParameterError when the pipeline does not declare a parameter of the start
 * @throws PipelineStartError when DescribePipeline or StartPipelineExecution fails for good
 */
export const decideTrigger = async (
  request: TriggerRequest,
  settings: PipelineSettings,
  ports: TriggerPorts,
  options: DecideOptions = {},
): Promise<TriggerOutcome> => {
  const guards = options.guards ?? guardsInOrder(ports, options.claimLeaseMs);
  const parameters = mapParameters(settings, { requested: request.requested, offered: request.offered });
  const now = ports.clock.now();
  const token = clientRequestToken(settings.pipelineName, request.trigger);
  const decisionId = ports.newId();
  const verdict = await firstStop(guards, { request, settings, token, attempt: decisionId, now });
  let skipReason = verdict?.reason;
  const decision: TriggerDecision = {
    id: decisionId,
    at: now.toISOString(),
    pipeline: settings.key,
    trigger: request.trigger,
    reason: request.reason,
    correlationId: request.correlationId,
    token,
    decision: 'started',
  };
  const common = {
    correlationId: request.correlationId,
    pipeline: settings.key,
    trigger: request.trigger,
    reason: request.reason,
  };
  // A duplicate never held the claim, so it must not touch it.
  const ownsClaim = skipReason !== 'duplicate';
  const traced = { correlationId: request.correlationId, details: { pipeline: settings.key, token, decisionId } };
  /** Frees the claim for the retry; the error on its way up is the one that counts, but this one is traced. */
  const releaseClaim = async (cause: unknown) => {
    if (!ownsClaim) return;
    await ports.store.failClaim(token, decisionId, now, cause).catch((error: unknown) =>
      reportHandledFailure(ports, {
        ...traced,
        step: bestEffortStep.claimRelease,
        message: 'could not release the trigger claim; the retry waits for the claim lease to expire',
        error,
      }),
    );
  };
  /** Records and announces a failure after the guards; the caller rethrows. */
  const fail = async (error: unknown): Promise<never> => {
    const failure =
      error instanceof UndeclaredParameterError
        ? { code: error.code, message: error.message }
        : { code: errorCode(error), message: errorMessage(error) };
    ports.metrics.addMetric(FleetMetric.RetrainingFailed, 'Count', 1);
    await releaseClaim(error);
    await ports.store.recordDecision({ ...decision, decision: 'failed', failure }).catch((recordError: unknown) =>
      reportHandledFailure(ports, {
        ...traced,
        step: bestEffortStep.decisionRecord,
        message: 'could not record the failed decision',
        error: recordError,
      }),
    );
    await ports.events
      .publish('Retraining Failed', { ...common, eventKey: retrainingEventKey.startFailed(token), failure })
      .catch((publishError: unknown) =>
        reportHandledFailure(ports, {
          ...traced,
          step: bestEffortStep.failedNotPublished,
          message: 'could not publish Retraining Failed',
          error: publishError,
          details: { ...traced.details, failure },
        }),
      );
    if (error instanceof UndeclaredParameterError) throw error;
    throw new PipelineStartError(settings.key, failure.code, failure.message, { cause: error });
  };

  let declaredDefaults: Readonly<Record<string, string>> = {};
  if (skipReason === undefined) {
    try {
      checkDeclaredParameters(settings, parameters, await ports.runner.declaredParameters(settings.pipelineName));
      declaredDefaults = await ports.runner.declaredDefaults(settings.pipelineName);
    } catch (error) {
      return fail(error);
    }
    const lock: RunLockRequest = {
      pipelineName: settings.pipelineName,
      pipeline: settings.key,
      token,
      decisionId,
      trigger: request.trigger,
      correlationId: request.correlationId,
    };
    try {
      const lockMs = settings.guards.maxRunMinutes * 60_000;
      if (!(await ports.store.acquireRunLock(lock, now, lockMs))) skipReason = 'in-flight';
    } catch (error) {
      await releaseClaim(error);
      throw error;
    }
  }

  if (skipReason !== undefined) {
    try {
      if (skipReason === 'debounced') await armDebounce(request, settings, ports, now);
      await ports.store.recordDecision({
        ...decision,
        decision: 'skipped',
        skipReason,
        ...(verdict?.details === undefined ? {} : { skipDetails: verdict.details }),
      });
      await ports.events.publish('Retraining Skipped', {
        ...common,
        eventKey: retrainingEventKey.skipped(token, skipReason),
        skipReason,
      });
      if (ownsClaim) await ports.store.completeClaim(token, decisionId, now, { decisionId });
    } catch (error) {
      await releaseClaim(error);
      throw error;
    }
    return { status: 'skipped', token, decisionId, skipReason };
  }

  let executionArn: string;
  try {
    ({ executionArn } = await ports.runner.start({
      pipelineName: settings.pipelineName,
      displayName: displayName({ kind: request.trigger.kind, pipeline: settings.pipelineName, at: now, token }),
      description: executionDescription(request),
      parameters,
      clientRequestToken: token,
    }));
  } catch (error) {
    await ports.store.releaseRunLock(settings.pipelineName, token, now.toISOString()).catch((releaseError: unknown) =>
      reportHandledFailure(ports, {
        ...traced,
        step: bestEffortStep.runLockRelease,
        message: 'could not release the run lock after a failed start; it frees itself after maxRunMinutes',
        error: releaseError,
        details: { ...traced.details, pipelineName: settings.pipelineName },
      }),
    );
    return fail(error);
  }

  const started: TriggerDecision = {
    ...decision,
    executionArn,
    parameters: asRecord(parameters),
    input: runInput(parameters, declaredDefaults, request.covers),
  };
  try {
    await ports.store.putExecution({
      executionArn,
      pipeline: settings.key,
      pipelineName: settings.pipelineName,
      trigger: request.trigger,
      reason: request.reason,
      correlationId: request.correlationId,
      token,
      decisionId,
      decisionAt: decision.at,
      outcome: 'pending',
      startedAt: decision.at,
    });
    await ports.store.noteRunLockExecution(settings.pipelineName, token, executionArn);
    await ports.store.recordDecision(started);
    await ports.events.publish('Retraining Started', {
      ...common,
      eventKey: retrainingEventKey.started(token),
      executionArn,
      parameters: asRecord(parameters),
    });
    await ports.store.completeClaim(token, decisionId, now, { decisionId, executionArn });
  } catch (error) {
    // The run is under way: the lock stays with it, and the retry, holding the same token, passes.
    await releaseClaim(error);
    throw error;
  }
  return { status: 'started', token, decisionId, executionArn, parameters: asRecord(parameters) };
};
