import path from 'node:path';
import { AWS_DEFAULTS } from '../aws/awsDefaults.js';
import { createLambdaContext } from './createLambdaContext.js';
import { HandlerLoadError } from './HandlerLoadError.js';
import { LambdaTimeoutError } from './LambdaTimeoutError.js';

/** What the runner needs to know of a function (`loadServerlessRules` returns them as `FunctionTarget`s). */
export type LambdaFunction = {
  /** The stack's `service:` name (e.g. `shop-orders`), for records. */
  service?: string;
  /** The key under `functions:`. */
  functionName: string;
  /**
   * The deployed name (`name:` or `<service>-<stage>-<functionName>`); the context's
   * `functionName` and `AWS_LAMBDA_FUNCTION_NAME`.
   */
  deployedName: string;
  /** Absolute path of the handler module (with its extension). */
  handlerPath: string;
  /** The export of the module to call (`handler` in `src/handlers/x.handler`). */
  handlerExport: string;
  /** Variables the function runs with (`provider.environment` merged with the function's). */
  environment: Record<string, string>;
  timeoutSeconds: number;
  memorySize: number;
  /** Retries of a failed asynchronous invocation (0 to 2; Lambda's default is 2). */
  maximumRetryAttempts: number;
  /** Where Lambda sends a failed asynchronous invocation (`destinations.onFailure` or `onError`), copied into dead letters. */
  onFailure?: string;
};

/** What started an invocation, for the record. */
export type InvocationTrigger = {
  kind: 'eventBridge' | 'schedule' | 'direct';
  ruleName?: string;
  bus?: string;
  eventId?: string;
  detailType?: string;
  source?: string;
};

/** How an invocation ended. */
export type InvocationOutcome = 'success' | 'error' | 'timeout';

/** One attempt to run a handler, as the demo's timeline shows it. */
export type InvocationRecord = {
  /** 1, 2, 3... in the order invocations started. */
  sequence: number;
  requestId: string;
  /** When it started, by the runner's clock (ISO 8601). */
  startedAt: string;
  service?: string;
  functionName: string;
  deployedName: string;
  trigger: InvocationTrigger;
  /** 1 for the first attempt; Lambda retries a failed asynchronous invocation up to twice. */
  attempt: number;
  outcome: InvocationOutcome;
  /** Wall-clock milliseconds the handler ran. */
  durationMs: number;
  error?: { name: string; message: string };
  /** What a successful handler returned (or passed to its callback), when not undefined: a trigger's decision and why. */
  result?: unknown;
};

/** An asynchronous invocation that still failed after Lambda's retries. */
export type DeadLetter = {
  service?: string;
  functionName: string;
  deployedName: string;
  trigger: InvocationTrigger;
  /** The payload the handler was given. */
  payload: unknown;
  error: { name: string; message: string; stack?: string };
  attempts: number;
  /** By the runner's clock (ISO 8601). */
  failedAt: string;
  /** Where Lambda would send it (`destinations.onFailure` / `onError`), when declared. */
  destination?: string;
};

/** The result of a synchronous (`RequestResponse`) invocation. */
export type InvocationResult = { record: InvocationRecord; result?: unknown; error?: Error };

/** Options of a LambdaRunner. */
export type LambdaRunnerOptions = {
  region?: string;
  accountId?: string;
  /** The clock for records (default: wall-clock time). The local cloud passes its LocalClock. */
  now?: () => Date;
  /** Wall-clock delay before an asynchronous retry (default 0; Lambda waits about 1 then 2 minutes). */
  retryDelayMs?: number;
  /** Variables set for every invocation before the function's own (e.g. `AWS_ENDPOINT_URL_*`); a function is read at each invocation. */
  baseEnvironment?: Record<string, string> | (() => Record<string, string>);
  /** Loads a handler module (default: `require`, which jest and tsx both let load TypeScript). */
  loadModule?: (file: string) => Record<string, unknown>;
  /** Called with every finished invocation record, in order. */
  onInvocation?: (record: InvocationRecord) => void;
  /** Called with every dead letter and the record of its last attempt. */
  onDeadLetter?: (deadLetter: DeadLetter, lastAttempt: InvocationRecord) => void;
};

type Handler = (event: unknown, context: unknown, callback: (error?: unknown, result?: unknown) => void) => unknown;

type Job = {
  fn: LambdaFunction;
  payload: unknown;
  trigger: InvocationTrigger;
  attempt: number;
  async: boolean;
  settle?: (result: InvocationResult) => void;
};

// Handler modules are loaded at run time, as Lambda does; jest and tsx hook `require` for TypeScript.
const defaultLoadModule = (file: string) => require(file) as Record<string, unknown>;

const toError = (value: unknown): Error =>
  value instanceof Error ? value : new Error(typeof value === 'string' ? value : JSON.stringify(value));

/**
 * Runs Lambda handlers in this process, one invocation at a time, as Lambda would call them.
 *
 * Each invocation gets a Lambda-like context (request id, function name, ARN, memory, remaining
 * time) and runs with the function's environment applied to `process.env`, restored afterwards;
 * that is why invocations never overlap. Handlers may return a promise or use the callback.
 * A handler running past the function's timeout fails with `LambdaTimeoutError`.
 *
 * Asynchronous invocations (`invokeAsync`, what EventBridge does) are queued; a failure is
 * retried `maximumRetryAttempts` times (Lambda's default: 2) and then lands in `deadLetters`
 * with the error. Every attempt is recorded in `invocations`. `drain()` waits until nothing is
 * queued or running, including invocations queued while it waits.
 */
export class LambdaRunner {
  readonly #options: Required<Pick<LambdaRunnerOptions, 'region' | 'accountId' | 'retryDelayMs'>> & LambdaRunnerOptions;
  readonly #queue: Job[] = [];
  readonly #invocations: InvocationRecord[] = [];
  readonly #deadLetters: DeadLetter[] = [];
  readonly #idleWaiters: (() => void)[] = [];
  #pending = 0;
  #running = false;
  #sequence = 0;

  constructor(options: LambdaRunnerOptions = {}) {
    this.#options = { ...AWS_DEFAULTS, retryDelayMs: 0, ...options };
  }

  /** Every attempt so far, in the order they started. */
  get invocations(): readonly InvocationRecord[] {
    return this.#invocations;
  }

  /** Asynchronous invocations that failed every attempt, in the order they gave up. */
  get deadLetters(): readonly DeadLetter[] {
    return this.#deadLetters;
  }

  /** Invocations queued, running or waiting to be retried. */
  get inFlight(): number {
    return this.#pending;
  }

  /** Queues an asynchronous (`Event`) invocation; failures are retried, then dead-lettered. */
  invokeAsync(fn: LambdaFunction, payload: unknown, trigger: InvocationTrigger = { kind: 'direct' }): void {
    this.#enqueue({ fn, payload, trigger, attempt: 1, async: true });
  }

  /** Runs a synchronous (`RequestResponse`) invocation once, after those already queued, and returns its outcome. */
  invoke(
    fn: LambdaFunction,
    payload: unknown,
    trigger: InvocationTrigger = { kind: 'direct' },
  ): Promise<InvocationResult> {
    return new Promise((settle) => this.#enqueue({ fn, payload, trigger, attempt: 1, async: false, settle }));
  }

  /** Resolves when nothing is queued, running or waiting for a retry. */
  async drain(): Promise<void> {
    // Let work started just before (an HTTP request in progress, a resolved promise) queue first.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.#pending > 0) {
      await new Promise<void>((resolve) => this.#idleWaiters.push(resolve));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  #enqueue(job: Job) {
    this.#pending++;
    this.#queue.push(job);
    if (!this.#running) void this.#pump();
  }

  async #pump() {
    this.#running = true;
    try {
      for (let job = this.#queue.shift(); job !== undefined; job = this.#queue.shift()) {
        const outcome = await this.#run(job);
        this.#finish(job, outcome);
      }
    } finally {
      this.#running = false;
    }
  }

  #finish(job: Job, outcome: InvocationResult) {
    job.settle?.(outcome);
    const { error } = outcome;
    const retry = job.async && error !== undefined && job.attempt <= job.fn.maximumRetryAttempts;
    if (retry) {
      const next: Job = { ...job, attempt: job.attempt + 1 };
      // The retry is counted as pending from now, so drain() keeps waiting for it.
      this.#pending++;
      const requeue = () => {
        this.#pending--;
        this.#enqueue(next);
      };
      if (this.#options.retryDelayMs > 0) setTimeout(requeue, this.#options.retryDelayMs);
      else requeue();
    } else if (job.async && error !== undefined) {
      const deadLetter: DeadLetter = {
        service: job.fn.service,
        functionName: job.fn.functionName,
        deployedName: job.fn.deployedName,
        trigger: job.trigger,
        payload: job.payload,
        error: { name: error.name, message: error.message, stack: error.stack },
        attempts: job.attempt,
        failedAt: this.#now().toISOString(),
        ...(job.fn.onFailure === undefined ? {} : { destination: job.fn.onFailure }),
      };
      this.#deadLetters.push(deadLetter);
      this.#options.onDeadLetter?.(deadLetter, outcome.record);
    }
    this.#pending--;
    if (this.#pending === 0) for (const wake of this.#idleWaiters.splice(0)) wake();
  }

  #now(): Date {
    return this.#options.now?.() ?? new Date();
  }

  #load(fn: LambdaFunction): Handler {
    let module: Record<string, unknown>;
    try {
      module = (this.#options.loadModule ?? defaultLoadModule)(path.resolve(fn.handlerPath));
    } catch (error) {
      throw new HandlerLoadError(fn.handlerPath, fn.handlerExport, `cannot be loaded: ${toError(error).message}`, {
        cause: error,
      });
    }
    const handler = module[fn.handlerExport];
    if (typeof handler !== 'function') {
      throw new HandlerLoadError(fn.handlerPath, fn.handlerExport, `has no exported function "${fn.handlerExport}"`);
    }
    return handler as Handler;
  }

  async #run(job: Job): Promise<InvocationResult> {
    const { fn } = job;
    const startedAt = this.#now().toISOString();
    const startedAtMs = Date.now();
    const context = createLambdaContext({
      functionName: fn.deployedName,
      memorySize: fn.memorySize,
      timeoutSeconds: fn.timeoutSeconds,
      region: this.#options.region,
      accountId: this.#options.accountId,
      startedAtMs,
    });
    const restore = this.#applyEnvironment(fn, context.logGroupName, context.logStreamName);
    let result: unknown;
    let error: Error | undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      const handler = this.#load(fn);
      const payload = structuredClone(job.payload);
      const running = new Promise<unknown>((resolve, reject) => {
        const callback = (callbackError?: unknown, value?: unknown) =>
          callbackError === undefined || callbackError === null ? resolve(value) : reject(callbackError);
        const returned = handler(payload, context, callback);
        if (
          returned !== null &&
          typeof returned === 'object' &&
          typeof (returned as Promise<unknown>).then === 'function'
        ) {
          (returned as Promise<unknown>).then(resolve, reject);
        } else if (handler.length < 3) {
          resolve(returned);
        }
      });
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(
          () => reject(new LambdaTimeoutError(fn.deployedName, fn.timeoutSeconds)),
          fn.timeoutSeconds * 1000,
        );
      });
      result = await Promise.race([running, timeout]);
    } catch (caught) {
      error = toError(caught);
    } finally {
      clearTimeout(timer);
      restore();
    }
    const record: InvocationRecord = {
      sequence: ++this.#sequence,
      requestId: context.awsRequestId,
      startedAt,
      ...(fn.service === undefined ? {} : { service: fn.service }),
      functionName: fn.functionName,
      deployedName: fn.deployedName,
      trigger: job.trigger,
      attempt: job.attempt,
      outcome: error === undefined ? 'success' : error instanceof LambdaTimeoutError ? 'timeout' : 'error',
      durationMs: Date.now() - startedAtMs,
      ...(error === undefined ? {} : { error: { name: error.name, message: error.message } }),
      ...(error === undefined && result !== undefined ? { result } : {}),
    };
    this.#invocations.push(record);
    this.#options.onInvocation?.(record);
    return error === undefined ? { record, result } : { record, error };
  }

  /** Sets the function's environment (and Lambda's own variables); returns what puts it back. */
  #applyEnvironment(fn: LambdaFunction, logGroupName: string, logStreamName: string): () => void {
    const { baseEnvironment } = this.#options;
    const variables: Record<string, string> = {
      ...(typeof baseEnvironment === 'function' ? baseEnvironment() : baseEnvironment),
      AWS_REGION: this.#options.region,
      AWS_DEFAULT_REGION: this.#options.region,
      AWS_LAMBDA_FUNCTION_NAME: fn.deployedName,
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize),
      AWS_LAMBDA_LOG_GROUP_NAME: logGroupName,
      AWS_LAMBDA_LOG_STREAM_NAME: logStreamName,
      _HANDLER: `${path.basename(fn.handlerPath).replace(/\.[^.]+$/, '')}.${fn.handlerExport}`,
      ...fn.environment,
    };
    const previous = new Map<string, string | undefined>();
    for (const [name, value] of Object.entries(variables)) {
      previous.set(name, process.env[name]);
      process.env[name] = value;
    }
    return () => {
      for (const [name, value] of previous) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    };
  }
}
