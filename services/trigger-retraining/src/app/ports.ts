import type {
  FailureLogger,
  FailureMetrics,
  FleetDetailInput,
  FleetDetailType,
  LeaseStateValue,
  PauseSwitch,
  SkipReasonValue,
  Trigger,
} from '@fleet/shared';
import type { CoveredObject } from '../domain/CoveredObject.js';
import type { ModelActivity } from '../domain/ModelActivity.js';
import type { PipelineParameter } from '../domain/mapParameters.js';
import type { RunInput } from '../domain/runInput.js';

export type { ModelActivity };

/** Why an execution did not succeed, as recorded and announced. */
export type ExecutionFailure = { code: string; message: string };

/**
 * Where a claim or the run lock stands, in the fleet's one lease vocabulary: `held` (being worked
 * on, until `expiresAt`), `completed` (decided: every redelivery is a duplicate), `failed` or
 * `released` (free: the next attempt takes it over at once).
 */
export type LeaseStatus = LeaseStateValue;

/** What a trigger claim is about: one trigger of one pipeline, keyed by its ClientRequestToken. */
export type TriggerClaimRequest = {
  token: string;
  pipeline: string;
  trigger: Trigger;
  correlationId: string;
  /** The attempt that claims it (its decision id): only this attempt may settle the claim. */
  owner: string;
};

/** The idempotency record of one trigger of one pipeline: a lease keyed by its ClientRequestToken. */
export type TriggerClaim = Omit<TriggerClaimRequest, 'owner'> & {
  state: LeaseStatus;
  owner: string;
  /** The fencing token: one more at each takeover. */
  fence: number;
  /** ISO time of the last claim. */
  acquiredAt: string;
  /** ISO time after which a `held` claim (its attempt crashed or timed out) may be taken over. */
  expiresAt: string;
  /** The trigger record of the decision, once completed. */
  decisionId?: string;
  executionArn?: string;
};

/** What a trigger came to. */
export type Decision = 'started' | 'skipped' | 'failed';

/** The audit record of one decision about one trigger, in the pipeline's history. */
export type TriggerDecision = {
  id: string;
  at: string;
  pipeline: string;
  trigger: Trigger;
  reason: string;
  correlationId: string;
  token: string;
  decision: Decision;
  skipReason?: SkipReasonValue;
  /** What the stopping guard said besides its reason (for `paused`: pausedModel, pausedBy, pausedAt, pauseReason). */
  skipDetails?: Record<string, string>;
  executionArn?: string;
  parameters?: Record<string, string>;
  /** The effective input of a started run (lineage); the record of a started run has no TTL. */
  input?: RunInput;
  failure?: { code: string; message: string };
};

/** How a run SageMaker reported as finished ended. */
export type ExecutionOutcome = 'pending' | 'succeeded' | 'failed' | 'stopped';

/** Finds the trigger behind an execution from SageMaker's status change, which carries only the ARN. */
export type ExecutionPointer = {
  executionArn: string;
  pipeline: string;
  trigger: Trigger;
  reason: string;
  correlationId: string;
  token: string;
  decisionId: string;
  decisionAt: string;
  outcome: ExecutionOutcome;
  /** The SageMaker pipeline name, whose run lock the end of the execution releases. */
  pipelineName?: string;
  startedAt: string;
  endedAt?: string;
};

/** What taking a pipeline's run lock records: who takes it and for which trigger. */
export type RunLockRequest = {
  /** The SageMaker pipeline the lock is on. */
  pipelineName: string;
  /** The configuration key of the pipeline whose trigger takes it. */
  pipeline: string;
  /** The ClientRequestToken of the trigger: the lock's owner, so its own retry re-enters it. */
  token: string;
  /** The trigger record of the decision that takes the lock. */
  decisionId: string;
  trigger: Trigger;
  correlationId: string;
};

/**
 * The lock on one SageMaker pipeline that lets one run start at a time, whatever triggered it:
 * a lease owned by the holder's ClientRequestToken.
 *
 * Taken with a conditional write just before StartPipelineExecution for `guards.maxRunMinutes`
 * and released, conditional on the holder's token and fence, when the run ends or its start
 * fails for good. A held lock past `expiresAt` is stale and may be taken over (with the next
 * fence), so a lost status event cannot block a pipeline forever.
 */
export type RunLock = RunLockRequest & {
  state: LeaseStatus;
  fence: number;
  /** ISO time the lock was taken. */
  acquiredAt: string;
  /** ISO time after which a held lock is stale. */
  expiresAt: string;
  /** The execution the holder started, once known. */
  executionArn?: string;
  /** ISO time the lock was released. */
  releasedAt?: string;
};

/** The landings under one prefix waiting for the debounce window to pass. */
export type PendingLandings = {
  pipeline: string;
  prefix: string;
  /** ISO time the schedule was last (re)armed. */
  armedAt: string;
  /** ISO time of the first landing since the last run. */
  firstLandingAt: string;
  lastLanding: {
    triggerId: string;
    bucket: string;
    key: string;
    at: string;
    correlationId: string;
    dataset?: string;
    contractHash?: string;
  };
  landings: number;
  /** The validated objects that landed in this window, newest last (lineage of the run it starts). */
  objects?: CoveredObject[];
  /** How many objects of the window are not listed (see `maxCoveredObjects`). */
  objectsOmitted?: number;
  /** The last landing a debounce fire decided on; landings after it start a new window. */
  consumedLanding?: string;
};

/**
 * The records trigger-retraining keeps: idempotency claims, decisions, execution pointers,
 * pending landings and run locks.
 *
 * Every method that holds "exactly once" is a conditional write and says so.
 */
export interface TriggerStore {
  /**
   * Claims the trigger for one attempt (a lease on the token, conditional writes): true when
   * `claim.owner` holds it, fresh or taken over from a failed, released or expired claim; false
   * when it was completed or another live attempt holds it.
   */
  claimTrigger(claim: TriggerClaimRequest, now: Date, leaseMs: number): Promise<boolean>;
  getClaim(token: string): Promise<TriggerClaim | undefined>;
  /** Completes the claim with what it came to; false when `owner` no longer holds it. */
  completeClaim(
    token: string,
    owner: string,
    now: Date,
    result: { decisionId: string; executionArn?: string },
  ): Promise<boolean>;
  /** Fails the claim, so the retry takes it over at once; false when `owner` no longer holds it. */
  failClaim(token: string, owner: string, now: Date, error: unknown): Promise<boolean>;
  recordDecision(decision: TriggerDecision): Promise<void>;
  /** The time of the newest start of the pipeline at or after `since`, if any. */
  lastStartAt(pipeline: string, since: Date): Promise<Date | undefined>;
  putExecution(pointer: ExecutionPointer): Promise<void>;
  getExecution(executionArn: string): Promise<ExecutionPointer | undefined>;
  /** Moves an execution from `pending` to its outcome (conditional write); true only for the first caller. */
  settleExecution(executionArn: string, outcome: Exclude<ExecutionOutcome, 'pending'>, at: string): Promise<boolean>;
  /** Undoes `settleExecution` when the outcome could not be announced, so a retry announces it. */
  reopenExecution(executionArn: string, outcome: Exclude<ExecutionOutcome, 'pending'>): Promise<void>;
  /** Records on the decision how its execution ended, and why when it did not succeed. */
  recordExecutionStatus(
    pointer: ExecutionPointer,
    status: string,
    at: string,
    failure?: ExecutionFailure,
  ): Promise<void>;
  getPending(pipeline: string, prefix: string): Promise<PendingLandings | undefined>;
  putPending(pending: PendingLandings): Promise<void>;
  /** Marks the landings up to `lastLanding` decided, unless a newer landing arrived (conditional write). */
  markLandingsConsumed(pipeline: string, prefix: string, lastLanding: string): Promise<boolean>;
  /**
   * Takes the pipeline's run lock for `durationMs` (a lease owned by the token): true when this
   * token holds it, fresh, re-entered or taken over from a released or stale lock; false when
   * another live token holds it.
   */
  acquireRunLock(lock: RunLockRequest, now: Date, durationMs: number): Promise<boolean>;
  getRunLock(pipelineName: string): Promise<RunLock | undefined>;
  /** Records on the run lock the execution its holder started, if `token` still holds it. */
  noteRunLockExecution(pipelineName: string, token: string, executionArn: string): Promise<boolean>;
  /** Releases the run lock if `token` holds it (conditional write); true when released. */
  releaseRunLock(pipelineName: string, token: string, at: string): Promise<boolean>;
  /** The model's newest approval and deployment records written since `since` (one Query of `MODEL#<model>`). */
  modelActivity(model: string, since: Date): Promise<ModelActivity>;
  /** The pause switches of these models that were ever set (one strongly consistent read each). */
  pauseSwitches(models: readonly string[]): Promise<PauseSwitch[]>;
}

/** What StartPipelineExecution needs. */
export type StartExecutionInput = {
  pipelineName: string;
  displayName: string;
  description: string;
  parameters: PipelineParameter[];
  clientRequestToken: string;
};

/** SageMaker Pipelines, as trigger-retraining uses them. */
export interface PipelineRunner {
  /** Starts an execution; throttling and transient errors are retried by the SDK before this throws. */
  start(input: StartExecutionInput): Promise<{ executionArn: string }>;
  /** True when an execution of the pipeline is `Executing`. */
  isExecuting(pipelineName: string): Promise<boolean>;
  /** The names of the parameters the pipeline's definition declares. */
  declaredParameters(pipelineName: string): Promise<ReadonlySet<string>>;
  /** The defaults the pipeline's definition declares, by parameter name: what SageMaker uses for a parameter not sent. */
  declaredDefaults(pipelineName: string): Promise<Readonly<Record<string, string>>>;
  /** Why a failed execution failed, when SageMaker says. */
  failureReason(executionArn: string): Promise<string | undefined>;
}

/** The payload the debounce schedule delivers to the debounce function when it fires. */
export type DebounceFire = { kind: 'debounce'; pipeline: string; prefix: string; armedAt: string };

/** One-time schedules (EventBridge Scheduler) that end a debounce window. */
export interface DebounceScheduler {
  /** Creates the schedule `name`, or moves it to `at` with the new payload if it exists. */
  arm(input: { name: string; at: Date; payload: DebounceFire }): Promise<void>;
}

/** Sends fleet events; each detail is validated against the catalog before it leaves. */
export interface RetrainingEvents {
  publish<T extends FleetDetailType>(detailType: T, detail: FleetDetailInput<T>): Promise<unknown>;
}

/** Time, injected so tests and the local cloud control it. */
export interface Clock {
  now(): Date;
}

/**
 * The structured log the use cases write to (the Powertools Logger fits it): only for failures a
 * use case handles without rethrowing, which must still leave a trace (`reportHandledFailure`).
 */
export type AppLogger = FailureLogger;

/** The metrics the use cases count (the Powertools Metrics fits it; the handler flushes them). */
export type AppMetrics = FailureMetrics;

/** Everything the trigger decisions need from outside. */
export type TriggerPorts = {
  store: TriggerStore;
  runner: PipelineRunner;
  scheduler: DebounceScheduler;
  events: RetrainingEvents;
  clock: Clock;
  /** A new unique id (for decision records). */
  newId: () => string;
  logger: AppLogger;
  metrics: AppMetrics;
};
