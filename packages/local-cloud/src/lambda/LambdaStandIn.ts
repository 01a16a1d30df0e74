import { StandInServer } from '../http/StandInServer.js';
import type { DeadLetterQueues } from '../sqs/SqsStandIn.js';
import type { LocalStandIn, RunningStandIn, StandInContext } from '../standIn/LocalStandIn.js';
import { destinationRecord } from './destinationRecord.js';
import {
  type InvocationResult,
  type InvocationTrigger,
  type LambdaFunction,
  LambdaRunner,
  type LambdaRunnerOptions,
} from './LambdaRunner.js';
import { lambdaHttpHandler } from './lambdaHttpHandler.js';

const FUNCTION_ARN = /^arn:aws[a-z-]*:lambda:[^:]*:[^:]*:function:([^:]+)(?::[^:]+)?$/;

/**
 * Lambda: runs the stacks' functions in this process, the one way every other stand-in invokes
 * a function (EventBridge rules, Scheduler targets, and the Step Functions, SNS and HTTP API
 * stand-ins to come).
 *
 * A function is named by its deployed name or its ARN. Asynchronous invocations get Lambda's
 * retries and dead letters (see `LambdaRunner`). Clients reach the same functions through
 * Lambda's `Invoke` API (`lambdaHttpHandler`), at the `lambda` endpoint.
 */
export class LambdaStandIn implements LocalStandIn {
  readonly name = 'lambda';
  readonly #functions: readonly LambdaFunction[];
  readonly #runnerOptions: Omit<LambdaRunnerOptions, 'region' | 'accountId'>;
  readonly #deadLetterQueues?: DeadLetterQueues;
  #runner?: LambdaRunner;

  /** `deadLetterQueues`: where the records of failed asynchronous invocations go when a function's on-failure destination is an SQS queue. */
  constructor(options: {
    functions: readonly LambdaFunction[];
    runner?: Omit<LambdaRunnerOptions, 'region' | 'accountId'>;
    deadLetterQueues?: DeadLetterQueues;
  }) {
    this.#functions = options.functions;
    this.#runnerOptions = options.runner ?? {};
    this.#deadLetterQueues = options.deadLetterQueues;
  }

  /** The runner, with every invocation attempt and dead letter so far. */
  get runner(): LambdaRunner {
    if (this.#runner === undefined) throw new Error('the Lambda stand-in is not started');
    return this.#runner;
  }

  /** The function a deployed name, key under `functions:` or ARN names, or undefined. */
  find(nameOrArn: string): LambdaFunction | undefined {
    const name = FUNCTION_ARN.exec(nameOrArn)?.[1] ?? nameOrArn;
    return (
      this.#functions.find((fn) => fn.deployedName === name) ?? this.#functions.find((fn) => fn.functionName === name)
    );
  }

  /** Queues an asynchronous (`Event`) invocation. @throws Error when no function has that name */
  invoke(nameOrArn: string, payload: unknown, trigger: InvocationTrigger): void {
    this.runner.invokeAsync(this.#require(nameOrArn), payload, trigger);
  }

  /** Runs a synchronous (`RequestResponse`) invocation. @throws Error when no function has that name */
  invokeSync(nameOrArn: string, payload: unknown, trigger: InvocationTrigger): Promise<InvocationResult> {
    return this.runner.invoke(this.#require(nameOrArn), payload, trigger);
  }

  async start(context: StandInContext): Promise<RunningStandIn> {
    const { region, accountId } = context;
    const runner = new LambdaRunner({
      ...this.#runnerOptions,
      region,
      accountId,
      // As Lambda does for an on-failure destination of type sqs: the invocation record as the message.
      onDeadLetter: (deadLetter, lastAttempt) => {
        this.#runnerOptions.onDeadLetter?.(deadLetter, lastAttempt);
        if (deadLetter.destination?.startsWith('arn:aws:sqs:')) {
          const record = destinationRecord(deadLetter, lastAttempt, { region, accountId });
          this.#deadLetterQueues?.send(deadLetter.destination, JSON.stringify(record));
        }
      },
    });
    this.#runner = runner;
    const server = new StandInServer(
      lambdaHttpHandler({
        region: context.region,
        accountId: context.accountId,
        // As on AWS, the API knows a function by its deployed name only (not its key under `functions:`).
        functionArn: (name) =>
          this.#functions.some((fn) => fn.deployedName === name)
            ? `arn:aws:lambda:${context.region}:${context.accountId}:function:${name}`
            : undefined,
        invokeAsync: (name, payload) => runner.invokeAsync(this.#require(name), payload, { kind: 'direct' }),
        invokeSync: (name, payload) => runner.invoke(this.#require(name), payload, { kind: 'direct' }),
      }),
    );
    const endpoint = await context.listen('lambda', (port) => server.listen({ port }));
    return {
      endpoints: { lambda: endpoint },
      inFlight: () => runner.inFlight,
      drain: () => runner.drain(),
      stop: async () => {
        await server.close();
        await runner.drain();
      },
    };
  }

  #require(nameOrArn: string): LambdaFunction {
    const fn = this.find(nameOrArn);
    if (fn === undefined) {
      throw new Error(
        `no function named ${nameOrArn}; the stacks have ${this.#functions.map((f) => f.functionName).join(', ') || 'none'}`,
      );
    }
    return fn;
  }
}
