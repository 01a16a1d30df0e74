import { randomUUID } from 'node:crypto';
import type { StateMachine as LibraryStateMachine } from 'aws-local-stepfunctions';
import type { ClockTimer, LocalClock } from '../clock/LocalClock.js';
import { readJsonPath } from '../eventbridge/readJsonPath.js';
import { AwsServiceError } from '../http/AwsServiceError.js';
import { awsJsonHandler } from '../http/awsJsonHandler.js';
import { checkShape, validationMessage } from '../http/checkShape.js';
import { paginate } from '../http/paginate.js';
import { StandInServer } from '../http/StandInServer.js';
import { isPlainObject } from '../isPlainObject.js';
import type { LocalStateMachine } from '../serverless/readStateMachines.js';
import { checkTransitions } from './checkTransitions.js';
import { isValidExecutionName } from './executionName.js';
import { type HistoryEvent, historyEventOf, type LibraryEvent } from './historyEvent.js';
import type { StatesLibrary } from './loadStatesLibrary.js';
import { retryDelay } from './retryDelay.js';
import { runTaskResource, type TaskPorts } from './runTaskResource.js';
import { type RuntimeDefinition, runtimeDefinition, type StateEntry } from './runtimeDefinition.js';
import { STEP_FUNCTIONS_SHAPES } from './stepFunctionsShapes.js';
import { taskError } from './taskError.js';
import { type IssuedToken, issueTaskToken, tokenId } from './taskTokens.js';
import { WorkInFlight } from './WorkInFlight.js';

/** The status of an execution. */
export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** An execution, as DescribeExecution gives it (dates by the local clock). */
export type LocalExecution = {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  startDate: Date;
  stopDate?: Date;
  /** The input as given (JSON text). */
  input: string;
  /** The output (JSON text) once it succeeded. */
  output?: string;
  error?: string;
  cause?: string;
};

/** Options of LocalStepFunctions. */
export type LocalStepFunctionsOptions = {
  clock: LocalClock;
  region: string;
  accountId: string;
  stateMachines: readonly LocalStateMachine[];
  /** The Lambda stand-in and the SNS publisher the tasks use. */
  ports: TaskPorts;
  /** aws-local-stepfunctions (`loadStatesLibrary`); needed only when there are state machines. */
  library?: StatesLibrary;
  /** Lets what a clock callback set off run to the end (the cloud's `drain`). */
  drain: () => Promise<void>;
};

type Machine = { machine: LocalStateMachine; runtime: RuntimeDefinition; runner: LibraryStateMachine };

type Task = {
  id: string;
  token: string;
  executionArn: string;
  open: boolean;
  /** What SendTaskSuccess or SendTaskFailure sent, possibly before the task started waiting. */
  outcome?: { output: unknown } | { error: Error };
  waiter?: { resolve: (output: unknown) => void; reject: (error: Error) => void };
  heartbeat?: () => void;
};

type Execution = LocalExecution & {
  machine: Machine;
  abort?: () => void;
  /** Rejects what the execution is parked on (a token, a Wait, a retry interval) when it stops. */
  parked: Set<(error: Error) => void>;
  timers: Set<ClockTimer>;
  /** Attempts per retrier of the states being retried, for the interval before the next attempt. */
  retries: Map<string, number[]>;
  history: HistoryEvent[];
  pendingToken?: IssuedToken;
};

const STATE_MACHINE_ARN = /^arn:aws[a-z-]*:states:[^:]+:\d{12}:stateMachine:[^:]+$/;
const EXECUTION_ARN = /^arn:aws[a-z-]*:states:[^:]+:\d{12}:execution:[^:]+:[^:]+$/;
const epochSeconds = (date: Date | undefined) => (date === undefined ? undefined : date.getTime() / 1000);
const TIMED_OUT_MESSAGE = "Task Timed Out: 'Provided task does not exist anymore'";

/** A promise and the functions that settle it (`Promise.withResolvers`, which Node 20 lacks). */
const deferred = <T>() => {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
};

/**
 * Step Functions on the local clock: the stacks' state machines, run by aws-local-stepfunctions
 * with every Task and Wait state done by the stand-in, and the awsJson 1.0 API
 * (`AWSStepFunctions.<Operation>`) with AWS's error names.
 *
 * Time is the clock's only: Wait states, task `TimeoutSeconds`/`HeartbeatSeconds`, retry
 * intervals and the execution's `TimeoutSeconds` are clock timers, so `tick('25h')` expires a
 * 24 hour approval at once. `.waitForTaskToken` tasks park until `SendTaskSuccess` or
 * `SendTaskFailure` names their token (`$$.Task.Token`). A parked execution is not in flight:
 * `inFlight` counts only work that will finish without the clock or a caller.
 */
export class LocalStepFunctions {
  readonly #options: LocalStepFunctionsOptions;
  readonly #machines = new Map<string, Machine>();
  readonly #executions = new Map<string, Execution>();
  readonly #tasks = new Map<string, Task>();
  readonly #server = new StandInServer(
    awsJsonHandler({ targetPrefix: 'AWSStepFunctions', handle: (operation, body) => this.handle(operation, body) }),
  );
  readonly #createdAt: Date;
  readonly #work = new WorkInFlight();

  /**
   * @throws Error naming the state machine with a transition to no state
   */
  constructor(options: LocalStepFunctionsOptions) {
    this.#options = options;
    this.#createdAt = options.clock.now();
    for (const machine of options.stateMachines) {
      const { StateMachine } = this.#library();
      const problems = checkTransitions(machine.definition);
      if (problems.length > 0) {
        throw new Error(`state machine ${machine.name} (${machine.location.file}): ${problems.join('; ')}`);
      }
      const runtime = runtimeDefinition(machine.definition);
      const runner = new StateMachine(runtime.definition as never, { validationOptions: { noValidate: true } });
      this.#machines.set(machine.arn, { machine, runtime, runner });
    }
  }

  #library(): StatesLibrary {
    if (this.#options.library === undefined)
      throw new Error('the local Step Functions was given no library to run state machines');
    return this.#options.library;
  }

  /** The state machines, as read from the stacks. */
  stateMachines(): LocalStateMachine[] {
    return [...this.#machines.values()].map((entry) => entry.machine);
  }

  /** Every execution, oldest first. */
  executions(): LocalExecution[] {
    return [...this.#executions.values()].map((execution) => this.#view(execution));
  }

  /** An execution's history so far (the library's events as Step Functions names them). */
  history(executionArn: string): HistoryEvent[] {
    return [...(this.#executions.get(executionArn)?.history ?? [])];
  }

  /** Work that will finish by itself: tasks running, executions moving between states. */
  get inFlight(): number {
    return this.#work.count;
  }

  /** Resolves when every execution has finished or is parked (on a token or the clock). */
  drain(): Promise<void> {
    return this.#work.drain();
  }

  /** Serves the API on a loopback port; resolves to the endpoint (`AWS_ENDPOINT_URL_SFN`). */
  listen(options: { port?: number } = {}): Promise<string> {
    return this.#server.listen(options);
  }

  /** Stops every running execution (as `StopExecution`) and the server. */
  async close(): Promise<void> {
    for (const execution of this.#executions.values()) {
      this.#stop(execution, 'ABORTED', { error: 'States.Aborted', cause: 'the local cloud stopped' });
    }
    await this.drain();
    await this.#server.close();
  }

  /**
   * Runs one API operation on a parsed request body.
   *
   * @throws AwsServiceError with AWS's code (`ValidationException`, `StateMachineDoesNotExist`, `TaskTimedOut`...)
   */
  async handle(operation: string, body: unknown): Promise<Record<string, unknown>> {
    const shape = STEP_FUNCTIONS_SHAPES[operation];
    if (shape === undefined) throw new AwsServiceError('UnknownOperationException', `Unknown operation ${operation}`);
    const check = checkShape(shape, body);
    if (check.typeError !== undefined) throw new AwsServiceError('SerializationException', check.typeError);
    if (check.violations.length > 0) {
      throw new AwsServiceError('ValidationException', validationMessage(check.violations));
    }
    // The shape check above vouches for the members' types.
    // biome-ignore lint/suspicious/noExplicitAny: each operation reads its own members
    const request = (isPlainObject(body) ? body : {}) as Record<string, any>;
    switch (operation) {
      case 'StartExecution':
        return this.startExecution({
          stateMachineArn: request.stateMachineArn,
          name: request.name,
          input: request.input,
        });
      case 'DescribeExecution':
        return this.#describe(this.#execution(request.executionArn));
      case 'ListExecutions':
        return this.#list(request);
      case 'StopExecution': {
        const execution = this.#execution(request.executionArn);
        this.#stop(execution, 'ABORTED', { error: request.error, cause: request.cause });
        return { stopDate: epochSeconds(execution.stopDate) };
      }
      case 'GetExecutionHistory':
        return this.#history({ ...request, executionArn: request.executionArn });
      case 'SendTaskSuccess': {
        let output: unknown;
        try {
          output = JSON.parse(request.output);
        } catch {
          throw new AwsServiceError('InvalidOutput', `Invalid State Machine Output: '${String(request.output)}'`);
        }
        this.#complete(request.taskToken, { output });
        return {};
      }
      case 'SendTaskFailure':
        this.#complete(request.taskToken, { error: taskError(request.error ?? '', request.cause ?? '') });
        return {};
      case 'SendTaskHeartbeat':
        this.#openTask(request.taskToken).heartbeat?.();
        return {};
      case 'DescribeStateMachine': {
        const { machine } = this.#machine(request.stateMachineArn);
        return {
          stateMachineArn: machine.arn,
          name: machine.name,
          status: 'ACTIVE',
          definition: JSON.stringify(machine.definition),
          roleArn: `arn:aws:iam::${this.#options.accountId}:role/${machine.name}-role`,
          type: machine.type,
          creationDate: epochSeconds(this.#createdAt),
        };
      }
      default: {
        const page = paginate(this.stateMachines(), request, 100);
        return {
          stateMachines: page.items.map((machine) => ({
            stateMachineArn: machine.arn,
            name: machine.name,
            type: machine.type,
            creationDate: epochSeconds(this.#createdAt),
          })),
          ...(page.nextToken === undefined ? {} : { nextToken: page.nextToken }),
        };
      }
    }
  }

  /**
   * Starts an execution (StartExecution): the name defaults to a UUID; the same name and input
   * as a running execution give that execution back, any other reuse of a name is refused.
   *
   * @throws AwsServiceError `InvalidArn`, `StateMachineDoesNotExist`, `InvalidName`, `InvalidExecutionInput`, `ExecutionAlreadyExists`
   */
  startExecution(request: { stateMachineArn: string; name?: string; input?: string }): {
    executionArn: string;
    startDate: number;
  } {
    const entry = this.#machine(request.stateMachineArn);
    const name = request.name ?? randomUUID();
    if (!isValidExecutionName(name)) throw new AwsServiceError('InvalidName', `Invalid Name: '${name}'`);
    const input = request.input ?? '{}';
    let value: unknown;
    try {
      value = JSON.parse(input);
    } catch {
      throw new AwsServiceError('InvalidExecutionInput', `Invalid State Machine Execution Input: '${input}'`);
    }
    const { region, accountId, clock } = this.#options;
    const executionArn = `arn:aws:states:${region}:${accountId}:execution:${entry.machine.name}:${name}`;
    const existing = this.#executions.get(executionArn);
    if (existing !== undefined) {
      // Standard workflows: StartExecution is idempotent for a running execution with the same input.
      if (existing.status === 'RUNNING' && existing.input === input && entry.machine.type === 'STANDARD') {
        return { executionArn, startDate: existing.startDate.getTime() / 1000 };
      }
      throw new AwsServiceError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    }
    const execution: Execution = {
      executionArn,
      stateMachineArn: entry.machine.arn,
      name,
      status: 'RUNNING',
      startDate: clock.now(),
      input,
      machine: entry,
      parked: new Set(),
      timers: new Set(),
      retries: new Map(),
      history: [],
    };
    this.#executions.set(executionArn, execution);
    this.#run(execution, value);
    return { executionArn, startDate: execution.startDate.getTime() / 1000 };
  }

  #run(execution: Execution, input: unknown): void {
    const { runtime, runner, machine } = execution.machine;
    const task: Record<string, unknown> = {};
    // The library does not fill `$$.Task.Token`: each read mints the token of the task about to
    // start (the library reads Parameters and calls the task's handler in one synchronous step).
    Object.defineProperty(task, 'Token', {
      enumerable: true,
      get: () => {
        execution.pendingToken ??= this.#issueToken(execution);
        return execution.pendingToken.token;
      },
    });
    const context = {
      Execution: {
        Id: execution.executionArn,
        Name: execution.name,
        RoleArn: `arn:aws:iam::${this.#options.accountId}:role/${machine.name}-role`,
      },
      StateMachine: { Id: machine.arn, Name: machine.name },
      // The library fills no `$$.State`: a state's Parameters are read as it is entered, on the clock.
      State: Object.defineProperty({}, 'EnteredTime', {
        enumerable: true,
        get: () => this.#options.clock.now().toISOString(),
      }),
      Task: task,
    };
    const handlers = Object.fromEntries(
      [...runtime.localStates.values()].map((entry) => [entry.name, this.#handler(execution, entry)]),
    );
    this.#work.enter();
    setImmediate(() => this.#work.leave());
    const run = runner.run(input as never, {
      context: context as never,
      overrides: {
        taskResourceLocalHandlers: handlers as never,
        retryIntervalOverrides: Object.fromEntries(runtime.retried.map((name) => [name, 0])),
      },
    });
    execution.abort = run.abort;
    void this.#recordHistory(execution, run.eventLogs as AsyncGenerator<LibraryEvent>);
    run.result.then(
      (output) => this.#finish(execution, 'SUCCEEDED', { output: JSON.stringify(output) }),
      (error: Error) => {
        if (error.name === 'ExecutionAbortedError') return;
        const cause = error.cause instanceof Error ? error.cause : error;
        this.#finish(execution, 'FAILED', { error: cause.name, cause: cause.message });
      },
    );
    const timeout = machine.definition.TimeoutSeconds;
    if (typeof timeout === 'number' && timeout > 0) {
      this.#after(execution, timeout * 1000, () => {
        this.#stop(execution, 'TIMED_OUT', { error: 'States.Timeout', cause: 'The execution timed out' });
      });
    }
  }

  async #recordHistory(execution: Execution, events: AsyncGenerator<LibraryEvent>): Promise<void> {
    for await (const event of events) {
      const recorded = historyEventOf(event, (name) => execution.machine.runtime.types.get(name));
      if (recorded === undefined) continue;
      const id = execution.history.length + 1;
      execution.history.push({
        ...recorded,
        id,
        previousEventId: id - 1,
        timestamp: this.#options.clock.now(),
      } as HistoryEvent);
    }
  }

  #handler(execution: Execution, entry: StateEntry) {
    return (input: unknown): Promise<unknown> => {
      const issued = execution.pendingToken;
      execution.pendingToken = undefined;
      this.#work.enter();
      const work =
        entry.state.Type === 'Wait' ? this.#wait(execution, entry, input) : this.#task(execution, entry, input, issued);
      return work.finally(() => this.#work.leave());
    };
  }

  async #wait(execution: Execution, entry: StateEntry, input: unknown): Promise<unknown> {
    const { state } = entry;
    const now = this.#options.clock.nowMs();
    let until = now;
    if (typeof state.Seconds === 'number') until = now + state.Seconds * 1000;
    else if (typeof state.SecondsPath === 'string') until = now + Number(readJsonPath(input, state.SecondsPath)) * 1000;
    else if (typeof state.Timestamp === 'string') until = Date.parse(state.Timestamp);
    else if (typeof state.TimestampPath === 'string')
      until = Date.parse(String(readJsonPath(input, state.TimestampPath)));
    if (!Number.isFinite(until)) {
      throw taskError('States.Runtime', `state ${entry.name}: the wait time is not a number of seconds or a timestamp`);
    }
    await this.#sleep(execution, Math.max(0, until - now));
    return input;
  }

  async #task(execution: Execution, entry: StateEntry, input: unknown, issued: IssuedToken | undefined) {
    const { state, name } = entry;
    if (execution.status !== 'RUNNING') throw this.#stopped(execution);
    const task = issued === undefined ? undefined : this.#tasks.get(issued.id);
    const timeoutSeconds = this.#seconds(state.TimeoutSeconds, state.TimeoutSecondsPath, input);
    const heartbeatSeconds = this.#seconds(state.HeartbeatSeconds, state.HeartbeatSecondsPath, input);
    const timeout = deferred<never>();
    const timers: ClockTimer[] = [];
    const close = () => {
      for (const timer of timers) timer.cancel();
      if (task !== undefined) task.open = false;
    };
    if (timeoutSeconds !== undefined) {
      timers.push(this.#after(execution, timeoutSeconds * 1000, () => timeout.reject(this.#library().statesTimeout())));
    }
    try {
      const result = await Promise.race([
        timeout.promise,
        runTaskResource(
          {
            stateName: name,
            stateMachineName: execution.machine.machine.name,
            resource: String(state.Resource),
            input,
            waitForToken: () => this.#waitForToken(execution, name, task, heartbeatSeconds, timeout.promise),
          },
          this.#options.ports,
        ),
      ]);
      execution.retries.delete(name);
      return result;
    } catch (error) {
      // The attempt is over: its token is refused and its timers stop, also while a retry waits.
      close();
      if (execution.status !== 'RUNNING') throw this.#stopped(execution);
      const retriers = Array.isArray(state.Retry) ? (state.Retry as Record<string, unknown>[]) : [];
      const attempts = execution.retries.get(name) ?? [];
      const delay = retryDelay(retriers, attempts, (error as Error).name);
      if (delay === undefined) execution.retries.delete(name);
      else execution.retries.set(name, attempts);
      if (delay !== undefined) await this.#sleep(execution, delay);
      throw error;
    } finally {
      close();
    }
  }

  async #waitForToken(
    execution: Execution,
    stateName: string,
    task: Task | undefined,
    heartbeatSeconds: number | undefined,
    timeout: Promise<never>,
  ): Promise<unknown> {
    if (task === undefined) {
      throw taskError(
        'States.Runtime',
        `state ${stateName} waits for a task token but its Parameters never read $$.Task.Token`,
      );
    }
    if (task.outcome !== undefined) {
      if ('error' in task.outcome) throw task.outcome.error;
      return task.outcome.output;
    }
    const token = deferred<unknown>();
    task.waiter = { resolve: token.resolve, reject: token.reject };
    let heartbeat: ClockTimer | undefined;
    if (heartbeatSeconds !== undefined) {
      const arm = () => {
        heartbeat?.cancel();
        heartbeat = this.#after(execution, heartbeatSeconds * 1000, () =>
          token.reject(taskError('States.HeartbeatTimeout', `no heartbeat within ${heartbeatSeconds} seconds`)),
        );
      };
      task.heartbeat = arm;
      arm();
    }
    try {
      return await this.#park(execution, Promise.race([token.promise, timeout]), token.reject);
    } finally {
      heartbeat?.cancel();
    }
  }

  /** The seconds a `TimeoutSeconds`/`HeartbeatSeconds` field or its `...Path` gives, when positive. */
  #seconds(value: unknown, path: unknown, input: unknown): number | undefined {
    // A `${self:custom...}` variable may leave a number as a string.
    const given = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    if (typeof given === 'number' && given > 0) return given;
    if (typeof path === 'string') {
      const read = Number(readJsonPath(input, path));
      if (Number.isFinite(read) && read > 0) return read;
    }
    return undefined;
  }

  /** Waits `ms` of clock time, parked. */
  #sleep(execution: Execution, ms: number): Promise<void> {
    const wake = deferred<void>();
    this.#after(execution, ms, () => wake.resolve());
    return this.#park(execution, wake.promise, wake.reject);
  }

  /** Awaits what only the clock or a caller settles, out of `inFlight`; a stop rejects it. */
  async #park<T>(execution: Execution, promise: Promise<T>, reject: (error: Error) => void): Promise<T> {
    execution.parked.add(reject);
    this.#work.leave();
    try {
      return await promise;
    } finally {
      this.#work.enter();
      execution.parked.delete(reject);
    }
  }

  /** A clock timer of the execution that lets what it sets off settle at its own time. */
  #after(execution: Execution, ms: number, callback: () => void): ClockTimer {
    const timer: ClockTimer = this.#options.clock.after(
      ms,
      async () => {
        execution.timers.delete(timer);
        callback();
        await this.#options.drain();
      },
      { label: `stepfunctions ${execution.name}` },
    );
    execution.timers.add(timer);
    const cancel = timer.cancel;
    return {
      ...timer,
      cancel: () => {
        execution.timers.delete(timer);
        return cancel();
      },
    };
  }

  #issueToken(execution: Execution): IssuedToken {
    const issued = issueTaskToken();
    this.#tasks.set(issued.id, {
      id: issued.id,
      token: issued.token,
      executionArn: execution.executionArn,
      open: true,
    });
    return issued;
  }

  /** The open task a token names. @throws AwsServiceError `InvalidToken`, `TaskDoesNotExist`, `TaskTimedOut` */
  #openTask(token: string): Task {
    const id = tokenId(token);
    if (id === undefined) throw new AwsServiceError('InvalidToken', `Invalid Token: '${token.slice(0, 64)}'`);
    const task = this.#tasks.get(id);
    if (task === undefined || task.token !== token)
      throw new AwsServiceError('TaskDoesNotExist', 'Task Does Not Exist');
    if (!task.open || task.outcome !== undefined) throw new AwsServiceError('TaskTimedOut', TIMED_OUT_MESSAGE);
    return task;
  }

  #complete(token: string, outcome: { output: unknown } | { error: Error }): void {
    const task = this.#openTask(token);
    task.outcome = outcome;
    if ('error' in outcome) task.waiter?.reject(outcome.error);
    else task.waiter?.resolve(outcome.output);
  }

  #finish(execution: Execution, status: ExecutionStatus, details: { output?: string; error?: string; cause?: string }) {
    if (execution.status !== 'RUNNING') return;
    execution.status = status;
    execution.stopDate = this.#options.clock.now();
    if (details.output !== undefined) execution.output = details.output;
    if (details.error !== undefined) execution.error = details.error;
    if (details.cause !== undefined) execution.cause = details.cause;
    for (const timer of [...execution.timers]) timer.cancel();
    for (const task of this.#tasks.values()) if (task.executionArn === execution.executionArn) task.open = false;
  }

  #stop(execution: Execution, status: 'ABORTED' | 'TIMED_OUT', details: { error?: string; cause?: string }): void {
    if (execution.status !== 'RUNNING') return;
    this.#finish(execution, status, details);
    const type = status === 'ABORTED' ? 'ExecutionAborted' : 'ExecutionTimedOut';
    const id = execution.history.length + 1;
    const key = status === 'ABORTED' ? 'executionAbortedEventDetails' : 'executionTimedOutEventDetails';
    execution.history.push({ id, previousEventId: id - 1, timestamp: this.#options.clock.now(), type, [key]: details });
    execution.abort?.();
    for (const reject of [...execution.parked]) reject(this.#stopped(execution));
  }

  #stopped(execution: Execution): Error {
    return taskError('States.Stopped', `execution ${execution.name} is ${execution.status}`, { catchable: false });
  }

  #machine(arn: string): Machine {
    if (!STATE_MACHINE_ARN.test(arn)) throw new AwsServiceError('InvalidArn', `Invalid Arn: '${arn}'`);
    const machine = this.#machines.get(arn);
    if (machine === undefined) {
      throw new AwsServiceError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
    }
    return machine;
  }

  #execution(arn: string): Execution {
    if (!EXECUTION_ARN.test(arn)) throw new AwsServiceError('InvalidArn', `Invalid Arn: '${arn}'`);
    const execution = this.#executions.get(arn);
    if (execution === undefined)
      throw new AwsServiceError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    return execution;
  }

  #view(execution: Execution): LocalExecution {
    const { executionArn, stateMachineArn, name, status, startDate, stopDate, input, output, error, cause } = execution;
    return {
      executionArn,
      stateMachineArn,
      name,
      status,
      startDate,
      input,
      ...(stopDate === undefined ? {} : { stopDate }),
      ...(output === undefined ? {} : { output }),
      ...(error === undefined ? {} : { error }),
      ...(cause === undefined ? {} : { cause }),
    };
  }

  #describe(execution: Execution): Record<string, unknown> {
    const view = this.#view(execution);
    return {
      ...view,
      startDate: epochSeconds(view.startDate),
      stopDate: epochSeconds(view.stopDate),
      inputDetails: { included: true },
      ...(view.output === undefined ? {} : { outputDetails: { included: true } }),
      redriveCount: 0,
      redriveStatus: 'NOT_REDRIVABLE',
    };
  }

  #list(request: { stateMachineArn?: string; statusFilter?: string; maxResults?: number; nextToken?: string }) {
    if (request.stateMachineArn === undefined) {
      throw new AwsServiceError('ValidationException', 'Must provide a StateMachine ARN or MapRun ARN');
    }
    const { machine } = this.#machine(request.stateMachineArn);
    const matching = [...this.#executions.values()]
      .filter((execution) => execution.stateMachineArn === machine.arn)
      .filter((execution) => request.statusFilter === undefined || execution.status === request.statusFilter)
      .reverse();
    const page = this.#page(matching, request);
    return {
      executions: page.items.map((execution) => ({
        executionArn: execution.executionArn,
        stateMachineArn: execution.stateMachineArn,
        name: execution.name,
        status: execution.status,
        startDate: epochSeconds(execution.startDate),
        ...(execution.stopDate === undefined ? {} : { stopDate: epochSeconds(execution.stopDate) }),
      })),
      ...(page.nextToken === undefined ? {} : { nextToken: page.nextToken }),
    };
  }

  #history(request: { executionArn: string; maxResults?: number; nextToken?: string; reverseOrder?: boolean }) {
    const execution = this.#execution(request.executionArn);
    const events = request.reverseOrder ? [...execution.history].reverse() : execution.history;
    const page = this.#page(events, request);
    return {
      events: page.items.map((event) => ({ ...event, timestamp: epochSeconds(event.timestamp) })),
      ...(page.nextToken === undefined ? {} : { nextToken: page.nextToken }),
    };
  }

  #page<T>(items: T[], request: { maxResults?: number; nextToken?: string }) {
    try {
      return paginate(items, { MaxResults: request.maxResults || undefined, NextToken: request.nextToken }, 100);
    } catch (error) {
      throw new AwsServiceError('InvalidToken', `Invalid Token: '${request.nextToken}'`, 400, { cause: error });
    }
  }
}
