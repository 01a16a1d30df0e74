import { randomBytes, randomUUID } from 'node:crypto';
import { AWS_DEFAULTS } from '../aws/awsDefaults.js';
import type { ClockTimer, LocalClock } from '../clock/LocalClock.js';
import { type DurationInput, parseDuration } from '../clock/parseDuration.js';
import { eventTime } from '../eventbridge/LocalEvent.js';
import { AwsServiceError } from '../http/AwsServiceError.js';
import { checkShape, type StructureShape, validationMessage } from '../http/checkShape.js';
import { paginate } from '../http/paginate.js';
import { StandInServer } from '../http/StandInServer.js';
import { DEFAULT_EVALUATION_METRICS, type EvaluationMetrics, evaluationReport } from './evaluationReport.js';
import type { AlarmStates } from './hosting/AlarmStates.js';
import type { EndpointEventEnvelope } from './hosting/endpointEvents.js';
import { HOSTING_SHAPES, LocalHosting } from './hosting/LocalHosting.js';
import { LocalModelRegistry, MODEL_REGISTRY_SHAPES } from './LocalModelRegistry.js';
import type { ModelApprovalStatus, ModelPackageStateChangeEnvelope } from './modelPackageStateChangeEvent.js';
import type { PipelineRegistration } from './PipelineRegistration.js';
import {
  type PipelineExecutionStatus,
  type PipelineExecutionStatusChangeDetail,
  type PipelineExecutionStatusChangeEnvelope,
  pipelineExecutionStatusChangeEvent,
} from './pipelineExecutionStatusChangeEvent.js';
import { sageMakerHttpHandler } from './sageMakerHttpHandler.js';
import {
  DescribePipelineExecutionInput,
  DescribePipelineInput,
  ListPipelineExecutionsInput,
  ListPipelinesInput,
  StartPipelineExecutionInput,
  StopPipelineExecutionInput,
} from './sageMakerShapes.js';

/** The type of a declared pipeline parameter (ParameterString, ParameterInteger, ...). */
export type PipelineParameterType = 'String' | 'Integer' | 'Float' | 'Boolean';

/** A parameter the pipeline definition declares; only declared names may be passed at start. */
export type PipelineParameterDeclaration = {
  name: string;
  /** Default `String`. */
  type?: PipelineParameterType;
  defaultValue?: string | number | boolean;
};

/** How one execution ends: after `duration` of clock time, with `status` (and `failureReason` when it fails). */
export type PipelineRunOutcome = {
  /** Clock time from start to end (default: the stand-in's `defaultRunDuration`, 30 minutes unless set). */
  duration?: DurationInput;
  /** Default `Succeeded`. */
  status?: 'Succeeded' | 'Failed';
  /** Shown as FailureReason; a default is used when a failed run gives none. */
  failureReason?: string;
  /** The metrics this run's evaluation reports when its pipeline registers models (over the definition's). */
  metrics?: EvaluationMetrics;
  /** Whether a successful run registers a model package when its pipeline has `register` (default true). */
  register?: boolean;
};

/** What a run plan function is told about the execution it decides. */
export type PipelineRunContext = {
  pipelineName: string;
  pipelineExecutionArn: string;
  displayName: string;
  description?: string;
  /** Effective parameters: the declared defaults overlaid with those passed at start. */
  parameters: Record<string, string>;
  /** 1 for the pipeline's first execution, 2 for the second, ... */
  sequence: number;
};

/** A fixed outcome, or a function of the execution (e.g. fail when `InputDataUri` ends in `bad.csv`). */
export type PipelineRunPlan = PipelineRunOutcome | ((context: PipelineRunContext) => PipelineRunOutcome);

/** A pipeline registered with the stand-in, as CreatePipeline would have made it. */
export type LocalPipelineDefinition = {
  name: string;
  parameters?: PipelineParameterDeclaration[];
  displayName?: string;
  description?: string;
  /** Default `arn:aws:iam::<account>:role/SageMakerPipelineExecutionRole`. */
  roleArn?: string;
  /** Default: succeed after `defaultRunDuration`. */
  run?: PipelineRunPlan;
  /** Successful runs write an evaluation to S3 and register a model package (default: they register nothing). */
  register?: PipelineRegistration;
};

/** A snapshot of one execution, for tests and the demo to inspect. */
export type LocalPipelineExecution = {
  pipelineName: string;
  pipelineArn: string;
  pipelineExecutionArn: string;
  executionId: string;
  displayName: string;
  description?: string;
  status: PipelineExecutionStatus;
  failureReason?: string;
  /** Effective parameters (defaults overlaid with the request's). */
  parameters: Record<string, string>;
  /** Parameters exactly as the request passed them. */
  requestedParameters: { Name: string; Value: string }[];
  clientRequestToken: string;
  startTime: Date;
  endTime?: Date;
  lastModifiedTime: Date;
};

/** Every event the SageMaker stand-in sends, as EventBridge delivers it. */
export type SageMakerEvent =
  | PipelineExecutionStatusChangeEnvelope
  | ModelPackageStateChangeEnvelope
  | EndpointEventEnvelope;

/** Writes an object to S3 (what a pipeline's evaluation step and Data Capture need). */
export type PutObject = (bucket: string, key: string, body: string, contentType: string) => Promise<unknown>;

/** An operation's next answers replaced by an error, for tests of retries and error handling. */
export type InjectedFailure = { code: string; message?: string; statusCode?: number };

/** Options of the SageMaker stand-in. */
export type LocalSageMakerOptions = {
  /** Drives execution durations and delivers status-change events. */
  clock: LocalClock;
  /** Receives each event (pipeline status changes, model package state changes), as EventBridge would deliver it; awaited. */
  emit?: (event: SageMakerEvent) => unknown;
  /** Writes the evaluation JSON of registering pipelines (default: none; such a run then fails at RegisterModel). */
  putObject?: PutObject;
  /** Resolves `{ export: name }` bucket references of registering pipelines (the stacks' exports). */
  resolveExport?: (name: string) => string | undefined;
  /** The CloudWatch alarms endpoint deployments roll back on (default: no alarm exists). */
  alarms?: AlarmStates;
  /** Clock time from CreateEndpoint to InService (default 5 minutes). */
  endpointCreateDuration?: DurationInput;
  /** Clock time to launch the instances of one step of an endpoint update (default 3 minutes). */
  instanceLaunchDuration?: DurationInput;
  /** Clock time an endpoint rolls back before serving its old configuration again (default 2 minutes). */
  rollbackDuration?: DurationInput;
  /** Default `process.env.AWS_REGION`, else `AWS_DEFAULTS.region`. */
  region?: string;
  /** Default `AWS_DEFAULTS.accountId`. */
  accountId?: string;
  /** Run duration for pipelines whose plan sets none (default 30 minutes). */
  defaultRunDuration?: DurationInput;
  /** Executing or Stopping executions allowed at once in the account (default 200), else ResourceLimitExceeded. */
  maxConcurrentExecutions?: number;
  /** Clock time from Stopping to Stopped (default 0: Stopped fires on the next tick). */
  stopDuration?: DurationInput;
};

type DeclaredParameter = { name: string; type: PipelineParameterType; defaultValue?: string };

type PipelineState = {
  name: string;
  arn: string;
  parameters: DeclaredParameter[];
  declared: Map<string, DeclaredParameter>;
  displayName: string;
  description?: string;
  roleArn: string;
  run?: PipelineRunPlan;
  register?: PipelineRegistration;
  registered: number;
  createdMs: number;
  modifiedMs: number;
  lastRunMs?: number;
  sequence: number;
};

type ExecutionState = {
  pipeline: PipelineState;
  arn: string;
  id: string;
  order: number;
  displayName: string;
  description?: string;
  status: PipelineExecutionStatus;
  failureReason?: string;
  parameters: Record<string, string>;
  requestedParameters: { Name: string; Value: string }[];
  token: string;
  startMs: number;
  endMs?: number;
  modifiedMs: number;
  parallelism?: unknown;
  selective?: unknown;
  timer?: ClockTimer;
  metrics?: EvaluationMetrics;
  register: boolean;
  sequence: number;
};

type Json = Record<string, unknown>;

const SHAPES: Record<string, StructureShape> = {
  StartPipelineExecution: StartPipelineExecutionInput,
  DescribePipelineExecution: DescribePipelineExecutionInput,
  ListPipelineExecutions: ListPipelineExecutionsInput,
  DescribePipeline: DescribePipelineInput,
  ListPipelines: ListPipelinesInput,
  StopPipelineExecution: StopPipelineExecutionInput,
  ...MODEL_REGISTRY_SHAPES,
  ...HOSTING_SHAPES,
};

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const newExecutionId = (): string =>
  Array.from(randomBytes(12), (byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join('');

const seconds = (ms: number | undefined): number | undefined => (ms === undefined ? undefined : ms / 1000);

const validationError = (message: string) => new AwsServiceError('ValidationException', message);

const checkParameterValue = (type: PipelineParameterType, value: string): boolean => {
  switch (type) {
    case 'Integer':
      return /^[-+]?\d+$/.test(value);
    case 'Float':
      return value.trim() !== '' && Number.isFinite(Number(value));
    case 'Boolean':
      return /^(true|false)$/i.test(value);
    default:
      return true;
  }
};

/**
 * A wire-compatible stand-in for SageMaker: Pipelines, the Model Registry (`registry`) and
 * hosting (`hosting`: models, endpoint configurations, endpoints with deployment guardrails).
 *
 * It serves StartPipelineExecution, DescribePipelineExecution, ListPipelineExecutions,
 * DescribePipeline, ListPipelines and StopPipelineExecution, and the operations of `registry` and
 * `hosting`, over the awsJson1_1 protocol (`listen()`), validates
 * requests against the API model's constraints and answers with SageMaker's error shapes.
 * Executions run on the LocalClock: `Executing` at start, then `Succeeded` or `Failed` after the
 * pipeline's planned duration. Every status change is handed to `emit` as the EventBridge event
 * SageMaker would send; events are delivered by the clock (the `Executing` event on the next
 * `tick`, even `tick(0)`), never inside the API call, as on AWS where they arrive asynchronously.
 */
export class LocalSageMaker {
  readonly region: string;
  readonly accountId: string;
  readonly #clock: LocalClock;
  #emit?: (event: SageMakerEvent) => unknown;
  readonly #putObject?: PutObject;
  readonly #resolveExport?: (name: string) => string | undefined;
  readonly #failures = new Map<string, InjectedFailure[]>();
  readonly #repeats = new Map<string, number>();
  #direct?: SageMakerEvent[];
  /** The Model Registry: model package groups and versions. */
  readonly registry: LocalModelRegistry;
  /** Models, endpoint configurations and endpoints (with deployment guardrails). */
  readonly hosting: LocalHosting;
  readonly #defaultRunMs: number;
  readonly #stopMs: number;
  readonly #maxConcurrent: number;
  readonly #pipelines = new Map<string, PipelineState>();
  readonly #executions = new Map<string, ExecutionState>();
  readonly #tokens = new Map<string, string>();
  readonly #emitted: SageMakerEvent[] = [];
  #order = 0;
  readonly #server = new StandInServer(sageMakerHttpHandler(this));

  constructor(options: LocalSageMakerOptions) {
    this.#clock = options.clock;
    this.#emit = options.emit;
    this.region = options.region ?? process.env.AWS_REGION ?? AWS_DEFAULTS.region;
    this.accountId = options.accountId ?? AWS_DEFAULTS.accountId;
    this.#defaultRunMs = parseDuration(options.defaultRunDuration ?? '30m');
    this.#stopMs = parseDuration(options.stopDuration ?? 0);
    this.#maxConcurrent = options.maxConcurrentExecutions ?? 200;
    this.#putObject = options.putObject;
    this.#resolveExport = options.resolveExport;
    this.registry = new LocalModelRegistry({
      region: this.region,
      accountId: this.accountId,
      nowMs: () => this.#clock.nowMs(),
      publish: (event) => this.#publish(event),
    });
    this.hosting = new LocalHosting({
      region: this.region,
      accountId: this.accountId,
      clock: this.#clock,
      registry: this.registry,
      publish: (event) => this.#publish(event),
      ...(options.alarms === undefined ? {} : { alarms: options.alarms }),
      ...(options.endpointCreateDuration === undefined ? {} : { createDuration: options.endpointCreateDuration }),
      ...(options.instanceLaunchDuration === undefined ? {} : { launchDuration: options.instanceLaunchDuration }),
      ...(options.rollbackDuration === undefined ? {} : { rollbackDuration: options.rollbackDuration }),
    });
  }

  /** Starts serving the API on a loopback port (0: any free one); resolves to the endpoint URL. */
  listen(options: { port?: number } = {}): Promise<string> {
    return this.#server.listen(options);
  }

  /** The endpoint URL while listening (for `AWS_ENDPOINT_URL_SAGEMAKER`), else undefined. */
  get endpoint(): string | undefined {
    return this.#server.endpoint;
  }

  /** Stops serving; pending executions stay on the clock. */
  close(): Promise<void> {
    this.hosting.close();
    return this.#server.close();
  }

  /** Sets (or replaces) where status-change events go, for wiring done after construction. */
  setEmitter(emit: ((event: SageMakerEvent) => unknown) | undefined): void {
    this.#emit = emit;
  }

  /** The ARN SageMaker gives a pipeline of this name (SageMaker lowercases names in ARNs). */
  pipelineArn(name: string): string {
    return `arn:aws:sagemaker:${this.region}:${this.accountId}:pipeline/${name.toLowerCase()}`;
  }

  /**
   * Registers (or replaces) a pipeline, as CreatePipeline/UpdatePipeline would.
   *
   * @throws Error when the name, a parameter name or a default value breaks SageMaker's rules.
   */
  registerPipeline(definition: LocalPipelineDefinition): { pipelineName: string; pipelineArn: string } {
    if (!/^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}$/.test(definition.name)) {
      throw new Error(`pipeline name "${definition.name}" must match ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}$`);
    }
    const declared = new Map<string, DeclaredParameter>();
    for (const parameter of definition.parameters ?? []) {
      if (!/^[A-Za-z0-9\-_]{1,256}$/.test(parameter.name)) {
        throw new Error(
          `pipeline "${definition.name}": parameter name "${parameter.name}" must match ^[A-Za-z0-9\\-_]*$`,
        );
      }
      if (declared.has(parameter.name)) {
        throw new Error(`pipeline "${definition.name}": parameter "${parameter.name}" is declared twice`);
      }
      const type = parameter.type ?? 'String';
      const defaultValue = parameter.defaultValue === undefined ? undefined : String(parameter.defaultValue);
      if (defaultValue !== undefined && !checkParameterValue(type, defaultValue)) {
        throw new Error(
          `pipeline "${definition.name}": default "${defaultValue}" of parameter "${parameter.name}" is not a ${type}`,
        );
      }
      declared.set(parameter.name, { name: parameter.name, type, defaultValue });
    }
    const key = definition.name.toLowerCase();
    const existing = this.#pipelines.get(key);
    const now = this.#clock.nowMs();
    const state: PipelineState = {
      name: definition.name,
      arn: this.pipelineArn(definition.name),
      parameters: [...declared.values()],
      declared,
      displayName: definition.displayName ?? definition.name,
      description: definition.description,
      roleArn: definition.roleArn ?? `arn:aws:iam::${this.accountId}:role/SageMakerPipelineExecutionRole`,
      run: definition.run,
      register: definition.register,
      registered: existing?.registered ?? 0,
      createdMs: existing?.createdMs ?? now,
      modifiedMs: now,
      lastRunMs: existing?.lastRunMs,
      sequence: existing?.sequence ?? 0,
    };
    if (definition.register !== undefined) {
      const group = definition.register.modelPackageGroup;
      if (!this.registry.hasGroup(group)) {
        this.registry.handle('CreateModelPackageGroup', {
          ModelPackageGroupName: group,
          ModelPackageGroupDescription: `models of pipeline ${definition.name}`,
        });
      }
    }
    this.#pipelines.set(key, state);
    if (existing) {
      for (const execution of this.#executions.values()) {
        if (execution.pipeline === existing) execution.pipeline = state;
      }
    }
    return { pipelineName: state.name, pipelineArn: state.arn };
  }

  /** Changes how the pipeline's next executions end (running ones keep their plan). */
  setRunPlan(pipelineName: string, run: PipelineRunPlan): void {
    const pipeline = this.#pipelines.get(pipelineName.toLowerCase());
    if (!pipeline) throw new Error(`unknown pipeline "${pipelineName}"`);
    pipeline.run = run;
  }

  /** Snapshots of the executions, oldest first, optionally of one pipeline and/or status. */
  executions(filter: { pipelineName?: string; status?: PipelineExecutionStatus } = {}): LocalPipelineExecution[] {
    return [...this.#executions.values()]
      .filter(
        (execution) =>
          (filter.pipelineName === undefined ||
            execution.pipeline.name.toLowerCase() === filter.pipelineName.toLowerCase()) &&
          (filter.status === undefined || execution.status === filter.status),
      )
      .sort((a, b) => a.order - b.order)
      .map((execution) => this.#snapshot(execution));
  }

  /** A snapshot of one execution by ARN, or undefined. */
  execution(pipelineExecutionArn: string): LocalPipelineExecution | undefined {
    const execution = this.#executions.get(pipelineExecutionArn);
    return execution && this.#snapshot(execution);
  }

  /** Every event handed to `emit` so far, in order. */
  emittedEvents(): SageMakerEvent[] {
    return [...this.#emitted];
  }

  /**
   * Sends every later event of this detail type `copies` times (each with its own id), as
   * SageMaker may send several events for one change; 1 puts it back to one.
   */
  repeatEvents(detailType: SageMakerEvent['detail-type'], copies: number): void {
    if (!Number.isInteger(copies) || copies < 1) throw new Error(`copies must be a positive integer, got ${copies}`);
    this.#repeats.set(detailType, copies);
  }

  /**
   * Makes the next `times` calls of an API operation (e.g. `UpdateModelPackage`) fail with the
   * given error instead of running, as a throttled or conflicting call would.
   */
  failNext(operation: string, failure: InjectedFailure, times = 1): void {
    const queue = this.#failures.get(operation) ?? [];
    for (let i = 0; i < times; i++) queue.push(failure);
    this.#failures.set(operation, queue);
  }

  /**
   * Ends a running execution on the next tick with the given outcome, instead of its plan.
   *
   * @throws Error when the execution is unknown or no longer Executing.
   */
  finishExecution(pipelineExecutionArn: string, outcome: Omit<PipelineRunOutcome, 'duration'>): void {
    const execution = this.#executions.get(pipelineExecutionArn);
    if (!execution) throw new Error(`unknown pipeline execution ${pipelineExecutionArn}`);
    if (execution.status !== 'Executing') {
      throw new Error(`pipeline execution ${pipelineExecutionArn} is ${execution.status}, not Executing`);
    }
    execution.timer?.cancel();
    this.#planCompletion(execution, 0, outcome.status ?? 'Succeeded', outcome.failureReason);
  }

  /**
   * Runs one API operation on a decoded request body; what the HTTP layer calls.
   *
   * @throws AwsServiceError with SageMaker's error code for invalid requests or unknown resources.
   */
  async handle(operation: string, body: unknown): Promise<Json> {
    const shape = SHAPES[operation];
    if (!shape) throw new AwsServiceError('UnknownOperationException', `Unknown operation ${operation}`);
    const check = checkShape(shape, body);
    if (check.typeError) throw new AwsServiceError('SerializationException', check.typeError);
    if (check.violations.length > 0) throw validationError(validationMessage(check.violations));
    const input = (body ?? {}) as Json;
    const failure = this.#failures.get(operation)?.shift();
    if (failure !== undefined) {
      throw new AwsServiceError(failure.code, failure.message ?? `${operation} failed (injected)`, failure.statusCode);
    }
    if (operation in MODEL_REGISTRY_SHAPES) return this.registry.handle(operation, input);
    if (operation in HOSTING_SHAPES) return this.hosting.handle(operation, input);
    switch (operation) {
      case 'StartPipelineExecution':
        return this.#start(input);
      case 'DescribePipelineExecution':
        return this.#describeExecution(this.#requireExecution(input.PipelineExecutionArn as string));
      case 'ListPipelineExecutions':
        return this.#list(input);
      case 'DescribePipeline':
        return this.#describePipeline(this.#requirePipeline(input.PipelineName as string));
      case 'ListPipelines':
        return this.#listPipelines(input);
      default:
        return this.#stop(input);
    }
  }

  #requirePipeline(nameOrArn: string): PipelineState {
    const match = /^arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:[0-9]{12}:pipeline\/(.+)$/.exec(nameOrArn);
    const name = match ? match[1] : nameOrArn;
    const pipeline = this.#pipelines.get(name.toLowerCase());
    if (!pipeline || (match && nameOrArn.toLowerCase() !== pipeline.arn)) {
      throw new AwsServiceError(
        'ResourceNotFound',
        `Pipeline '${match ? nameOrArn : this.pipelineArn(name)}' does not exist.`,
      );
    }
    return pipeline;
  }

  #requireExecution(arn: string): ExecutionState {
    const execution = this.#executions.get(arn);
    if (!execution) throw new AwsServiceError('ResourceNotFound', `Pipeline execution '${arn}' does not exist.`);
    return execution;
  }

  #start(input: Json): Json {
    const pipeline = this.#requirePipeline(input.PipelineName as string);
    const token = input.ClientRequestToken as string;
    const tokenKey = `${pipeline.arn}|${token}`;
    const known = this.#tokens.get(tokenKey);
    if (known) return { PipelineExecutionArn: known };

    const requested = (input.PipelineParameters as { Name: string; Value: string }[] | undefined) ?? [];
    const parameters = this.#effectiveParameters(pipeline, requested);
    const running = [...this.#executions.values()].filter((e) => e.status === 'Executing' || e.status === 'Stopping');
    if (running.length >= this.#maxConcurrent) {
      throw new AwsServiceError(
        'ResourceLimitExceeded',
        `The account-level service limit 'Maximum number of concurrent pipeline executions' is ${this.#maxConcurrent} ` +
          `Pipeline Executions, with current utilization of ${running.length} Pipeline Executions.`,
      );
    }

    const now = this.#clock.nowMs();
    const id = newExecutionId();
    pipeline.sequence += 1;
    pipeline.lastRunMs = now;
    const execution: ExecutionState = {
      pipeline,
      arn: `${pipeline.arn}/execution/${id}`,
      id,
      order: ++this.#order,
      displayName: (input.PipelineExecutionDisplayName as string | undefined) ?? `execution-${now}`,
      description: input.PipelineExecutionDescription as string | undefined,
      status: 'Executing',
      parameters,
      requestedParameters: requested.map(({ Name, Value }) => ({ Name, Value })),
      token,
      startMs: now,
      modifiedMs: now,
      parallelism: input.ParallelismConfiguration,
      selective: input.SelectiveExecutionConfig,
      register: true,
      sequence: pipeline.sequence,
    };
    this.#executions.set(execution.arn, execution);
    this.#tokens.set(tokenKey, execution.arn);

    const plan = typeof pipeline.run === 'function' ? pipeline.run(this.#context(execution)) : (pipeline.run ?? {});
    execution.metrics = plan.metrics;
    execution.register = plan.register ?? true;
    const startDetail = this.#detail(execution);
    this.#clock.at(now, () => this.#deliver(startDetail, now), { label: `sagemaker ${id} Executing` });
    this.#planCompletion(
      execution,
      plan.duration === undefined ? this.#defaultRunMs : parseDuration(plan.duration),
      plan.status ?? 'Succeeded',
      plan.failureReason,
    );
    return { PipelineExecutionArn: execution.arn };
  }

  #effectiveParameters(pipeline: PipelineState, requested: { Name: string; Value: string }[]): Record<string, string> {
    const seen = new Set<string>();
    const duplicates = new Set<string>();
    for (const { Name } of requested) {
      if (seen.has(Name)) duplicates.add(Name);
      seen.add(Name);
    }
    if (duplicates.size > 0) {
      throw validationError(`Duplicate pipeline parameters found: [${[...duplicates].join(', ')}]`);
    }
    const undeclared = requested.map(({ Name }) => Name).filter((name) => !pipeline.declared.has(name));
    if (undeclared.length > 0) {
      throw validationError(
        `Pipeline parameters [${undeclared.join(', ')}] are not defined in the pipeline definition of '${pipeline.arn}'.`,
      );
    }
    const parameters: Record<string, string> = {};
    for (const declared of pipeline.declared.values()) {
      if (declared.defaultValue !== undefined) parameters[declared.name] = declared.defaultValue;
    }
    for (const { Name, Value } of requested) {
      const { type } = pipeline.declared.get(Name)!;
      if (type === 'String' && Value.length === 0) {
        throw validationError('[string "" is too short (length: 0, required minimum: 1)]');
      }
      if (!checkParameterValue(type, Value)) {
        throw validationError(`Value '${Value}' of pipeline parameter '${Name}' is not a valid ${type}.`);
      }
      parameters[Name] = Value;
    }
    return parameters;
  }

  #planCompletion(
    execution: ExecutionState,
    durationMs: number,
    status: 'Succeeded' | 'Failed',
    failureReason: string | undefined,
  ): void {
    execution.timer = this.#clock.at(
      this.#clock.nowMs() + durationMs,
      async () => {
        execution.timer = undefined;
        if (execution.status !== 'Executing') return;
        const now = this.#clock.nowMs();
        let finalStatus = status;
        let reason = failureReason;
        let registered: SageMakerEvent[] = [];
        if (status === 'Succeeded' && execution.register && execution.pipeline.register !== undefined) {
          try {
            registered = await this.#registerModel(execution, execution.pipeline.register);
          } catch (error) {
            finalStatus = 'Failed';
            reason = `Step 'RegisterModel' failed: ${(error as Error).message}`;
          }
        }
        for (const event of registered) await this.#deliverEvent(event);
        execution.status = finalStatus;
        execution.failureReason =
          finalStatus === 'Failed' ? (reason ?? `Pipeline execution ${execution.id} failed.`) : undefined;
        execution.endMs = now;
        execution.modifiedMs = now;
        await this.#deliver(this.#detail(execution, 'Executing'), now);
      },
      { label: `sagemaker ${execution.id} ${status}` },
    );
  }

  #stop(input: Json): Json {
    const execution = this.#requireExecution(input.PipelineExecutionArn as string);
    if (execution.status === 'Stopping' || execution.status === 'Stopped') {
      return { PipelineExecutionArn: execution.arn };
    }
    if (execution.status !== 'Executing') {
      throw validationError(
        `Pipeline execution '${execution.arn}' is in terminal status '${execution.status}' and cannot be stopped.`,
      );
    }
    execution.timer?.cancel();
    const now = this.#clock.nowMs();
    execution.status = 'Stopping';
    execution.modifiedMs = now;
    const stoppingDetail = this.#detail(execution, 'Executing');
    this.#clock.at(now, () => this.#deliver(stoppingDetail, now), { label: `sagemaker ${execution.id} Stopping` });
    execution.timer = this.#clock.at(
      now + this.#stopMs,
      async () => {
        execution.timer = undefined;
        const end = this.#clock.nowMs();
        execution.status = 'Stopped';
        execution.endMs = end;
        execution.modifiedMs = end;
        await this.#deliver(this.#detail(execution, 'Stopping'), end);
      },
      { label: `sagemaker ${execution.id} Stopped` },
    );
    return { PipelineExecutionArn: execution.arn };
  }

  #list(input: Json): Json {
    const pipeline = this.#requirePipeline(input.PipelineName as string);
    const after = input.CreatedAfter as number | undefined;
    const before = input.CreatedBefore as number | undefined;
    const sortBy = (input.SortBy as string | undefined) ?? 'CreationTime';
    const direction = (input.SortOrder as string | undefined) === 'Ascending' ? 1 : -1;
    const matching = [...this.#executions.values()]
      .filter((e) => e.pipeline === pipeline)
      .filter(
        (e) => (after === undefined || e.startMs > after * 1000) && (before === undefined || e.startMs < before * 1000),
      )
      .sort((a, b) =>
        sortBy === 'PipelineExecutionArn'
          ? direction * a.arn.localeCompare(b.arn)
          : direction * (a.startMs - b.startMs || a.order - b.order),
      );
    const page = paginate(matching, input, 50, 'Invalid pagination token');
    return {
      PipelineExecutionSummaries: page.items.map((e) => ({
        PipelineExecutionArn: e.arn,
        StartTime: seconds(e.startMs),
        PipelineExecutionStatus: e.status,
        PipelineExecutionDescription: e.description,
        PipelineExecutionDisplayName: e.displayName,
        PipelineExecutionFailureReason: e.failureReason,
      })),
      NextToken: page.nextToken,
    };
  }

  #listPipelines(input: Json): Json {
    const prefix = input.PipelineNamePrefix as string | undefined;
    const after = input.CreatedAfter as number | undefined;
    const before = input.CreatedBefore as number | undefined;
    const byName = (input.SortBy as string | undefined) === 'Name';
    const direction = (input.SortOrder as string | undefined) === 'Ascending' ? 1 : -1;
    const matching = [...this.#pipelines.values()]
      .filter(
        (p) =>
          (prefix === undefined || p.name.toLowerCase().startsWith(prefix.toLowerCase())) &&
          (after === undefined || p.createdMs > after * 1000) &&
          (before === undefined || p.createdMs < before * 1000),
      )
      .sort((a, b) =>
        byName
          ? direction * a.name.localeCompare(b.name)
          : direction * (a.createdMs - b.createdMs || a.name.localeCompare(b.name)),
      );
    const page = paginate(matching, input, 50, 'Invalid pagination token');
    return {
      PipelineSummaries: page.items.map((p) => ({
        PipelineArn: p.arn,
        PipelineName: p.name,
        PipelineDisplayName: p.displayName,
        PipelineDescription: p.description,
        RoleArn: p.roleArn,
        CreationTime: seconds(p.createdMs),
        LastModifiedTime: seconds(p.modifiedMs),
        LastExecutionTime: seconds(p.lastRunMs),
      })),
      NextToken: page.nextToken,
    };
  }

  #describeExecution(e: ExecutionState): Json {
    return {
      PipelineArn: e.pipeline.arn,
      PipelineExecutionArn: e.arn,
      PipelineExecutionDisplayName: e.displayName,
      PipelineExecutionStatus: e.status,
      PipelineExecutionDescription: e.description,
      PipelineExperimentConfig: { ExperimentName: e.pipeline.name.toLowerCase(), TrialName: e.id },
      FailureReason: e.failureReason,
      CreationTime: seconds(e.startMs),
      LastModifiedTime: seconds(e.modifiedMs),
      CreatedBy: {},
      LastModifiedBy: {},
      ParallelismConfiguration: e.parallelism,
      SelectiveExecutionConfig: e.selective,
    };
  }

  #describePipeline(p: PipelineState): Json {
    const definition = {
      Version: '2020-12-01',
      Metadata: {},
      Parameters: p.parameters.map((parameter) => ({
        Name: parameter.name,
        Type: parameter.type,
        ...(parameter.defaultValue === undefined ? {} : { DefaultValue: parameter.defaultValue }),
      })),
      PipelineExperimentConfig: {
        ExperimentName: { Get: 'Execution.PipelineName' },
        TrialName: { Get: 'Execution.PipelineExecutionId' },
      },
      Steps: [],
    };
    return {
      PipelineArn: p.arn,
      PipelineName: p.name,
      PipelineDisplayName: p.displayName,
      PipelineDefinition: JSON.stringify(definition),
      PipelineDescription: p.description,
      RoleArn: p.roleArn,
      PipelineStatus: 'Active',
      CreationTime: seconds(p.createdMs),
      LastModifiedTime: seconds(p.modifiedMs),
      LastRunTime: seconds(p.lastRunMs),
      CreatedBy: {},
      LastModifiedBy: {},
    };
  }

  #context(e: ExecutionState): PipelineRunContext {
    return {
      pipelineName: e.pipeline.name,
      pipelineExecutionArn: e.arn,
      displayName: e.displayName,
      description: e.description,
      parameters: { ...e.parameters },
      sequence: e.sequence,
    };
  }

  #detail(e: ExecutionState, previous?: PipelineExecutionStatus): PipelineExecutionStatusChangeDetail {
    return {
      pipelineArn: e.pipeline.arn,
      pipelineExecutionArn: e.arn,
      pipelineExecutionDisplayName: e.displayName,
      currentPipelineExecutionStatus: e.status,
      ...(previous === undefined ? {} : { previousPipelineExecutionStatus: previous }),
      executionStartTime: eventTime(e.startMs),
      ...(e.endMs === undefined ? {} : { executionEndTime: eventTime(e.endMs) }),
      ...(e.description === undefined ? {} : { pipelineExecutionDescription: e.description }),
    };
  }

  async #deliver(detail: PipelineExecutionStatusChangeDetail, timeMs: number): Promise<void> {
    const event = pipelineExecutionStatusChangeEvent({
      region: this.region,
      accountId: this.accountId,
      timeMs,
      detail,
    });
    await this.#deliverEvent(event);
  }

  async #deliverEvent(event: SageMakerEvent): Promise<void> {
    const copies = this.#repeats.get(event['detail-type']) ?? 1;
    for (let copy = 0; copy < copies; copy++) {
      const sent = copy === 0 ? event : { ...event, id: randomUUID() };
      this.#emitted.push(sent);
      await this.#emit?.(sent);
    }
  }

  /** Delivers an event of an API call on the next tick (AWS sends events asynchronously), or collects it during a registration. */
  #publish(event: SageMakerEvent): void {
    if (this.#direct !== undefined) {
      this.#direct.push(event);
      return;
    }
    this.#clock.at(this.#clock.nowMs(), () => this.#deliverEvent(event), {
      label: `sagemaker ${event['detail-type']}`,
    });
  }

  /**
   * What a run's evaluation and RegisterModel steps do: writes the evaluation JSON and registers a
   * package pointing to it; returns the registry's events, for delivery before the run's end.
   */
  async #registerModel(execution: ExecutionState, registration: PipelineRegistration): Promise<SageMakerEvent[]> {
    const pipeline = execution.pipeline;
    const metrics = execution.metrics ?? this.#registrationMetrics(execution, registration);
    const report = evaluationReport(metrics);
    const bucketRef = registration.evaluationBucket;
    const bucket = typeof bucketRef === 'string' ? bucketRef : this.#resolveExport?.(bucketRef.export);
    if (bucket === undefined) throw new Error(`no stack exports ${(bucketRef as { export: string }).export}`);
    if (this.#putObject === undefined) throw new Error('no S3 to write the evaluation report to');
    const key = `${registration.evaluationPrefix ?? 'evaluation'}/${pipeline.name.toLowerCase()}/${execution.id}/evaluation.json`;
    await this.#putObject(bucket, key, report, 'application/json');
    const declaredStatus = execution.parameters.ModelApprovalStatus as ModelApprovalStatus | undefined;
    const collected: SageMakerEvent[] = [];
    this.#direct = collected;
    try {
      this.registry.handle('CreateModelPackage', {
        ModelPackageGroupName: registration.modelPackageGroup,
        ModelPackageDescription: `registered by pipeline ${pipeline.name} execution ${execution.id}`,
        ModelApprovalStatus: registration.modelApprovalStatus ?? declaredStatus ?? 'PendingManualApproval',
        InferenceSpecification: {
          Containers: [
            {
              Image: registration.image ?? `141502667606.dkr.ecr.${this.region}.amazonaws.com/sagemaker-xgboost:1.7-1`,
              ModelDataUrl: `s3://${bucket}/models/${pipeline.name.toLowerCase()}/${execution.id}/model.tar.gz`,
            },
          ],
          SupportedContentTypes: ['text/csv'],
          SupportedResponseMIMETypes: ['text/csv'],
        },
        MetadataProperties: { GeneratedBy: execution.arn },
        ModelMetrics: {
          ModelQuality: { Statistics: { ContentType: 'application/json', S3Uri: `s3://${bucket}/${key}` } },
        },
      });
    } finally {
      this.#direct = undefined;
    }
    pipeline.registered += 1;
    return collected;
  }

  #registrationMetrics(execution: ExecutionState, registration: PipelineRegistration): EvaluationMetrics {
    const source = registration.metrics;
    if (source === undefined) return { ...DEFAULT_EVALUATION_METRICS };
    if (typeof source === 'function') {
      const { pipelineName, pipelineExecutionArn, parameters, sequence } = this.#context(execution);
      return source({ pipelineName, pipelineExecutionArn, parameters, sequence });
    }
    if (Array.isArray(source)) {
      if (source.length === 0) return { ...DEFAULT_EVALUATION_METRICS };
      return source[Math.min(execution.pipeline.registered, source.length - 1)];
    }
    return source as EvaluationMetrics;
  }

  #snapshot(e: ExecutionState): LocalPipelineExecution {
    return {
      pipelineName: e.pipeline.name,
      pipelineArn: e.pipeline.arn,
      pipelineExecutionArn: e.arn,
      executionId: e.id,
      displayName: e.displayName,
      description: e.description,
      status: e.status,
      failureReason: e.failureReason,
      parameters: { ...e.parameters },
      requestedParameters: e.requestedParameters.map((p) => ({ ...p })),
      clientRequestToken: e.token,
      startTime: new Date(e.startMs),
      endTime: e.endMs === undefined ? undefined : new Date(e.endMs),
      lastModifiedTime: new Date(e.modifiedMs),
    };
  }
}
