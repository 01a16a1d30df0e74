import path from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import { AWS_DEFAULTS } from './aws/awsDefaults.js';
import { LocalClock, type TickResult } from './clock/LocalClock.js';
import { type DurationInput, parseDuration } from './clock/parseDuration.js';
import { applyEnvironment } from './cloud/applyEnvironment.js';
import { installClockDate } from './cloud/installClockDate.js';
import { installServerDateHeader } from './cloud/installServerDateHeader.js';
import { LocalCloudError } from './cloud/LocalCloudError.js';
import { type LocalEndpoints, localCloudEnvironment } from './cloud/localCloudEnvironment.js';
import { RealTimeDriver } from './cloud/RealTimeDriver.js';
import type { LocalCloudWatch } from './cloudwatch/LocalCloudWatch.js';
import type { LocalEvent } from './eventbridge/LocalEvent.js';
import type { EventLogEntry, InjectedEvent, LocalEventBridge } from './eventbridge/LocalEventBridge.js';
import type { UnfiredSchedule } from './eventbridge/startScheduleRules.js';
import { FaultInjector, type FaultSummary } from './faults/FaultInjector.js';
import type { LocalCloudFaults } from './faults/LocalCloudFaults.js';
import { startFaultProxy } from './faults/startFaultProxy.js';
import type { LocalHttpRoute } from './httpapi/HttpApiStandIn.js';
import type { DeadLetter, InvocationRecord, InvocationResult } from './lambda/LambdaRunner.js';
import type { LocalPipelineDefinition, LocalPipelineExecution, LocalSageMaker } from './sagemaker/LocalSageMaker.js';
import type { LocalSageMakerRuntime } from './sagemakerRuntime/LocalSageMakerRuntime.js';
import type { ModelScoringPlan } from './sagemakerRuntime/modelScoring.js';
import type { LocalScheduler } from './scheduler/LocalScheduler.js';
import type { FunctionTarget } from './serverless/LocalRule.js';
import type { LoadedServerlessRules } from './serverless/loadServerlessRules.js';
import type { StackResources } from './serverless/readStackResources.js';
import { type ReadStacks, readStacks } from './serverless/readStacks.js';
import type { PublishedSnsMessage, SnsStandIn } from './sns/SnsStandIn.js';
import type { SqsStandIn } from './sqs/SqsStandIn.js';
import type { LocalParameter } from './ssm/SsmStandIn.js';
import { type BuiltInStandIns, builtInStandIns } from './standIn/builtInStandIns.js';
import type { LocalStandIn, RunningStandIn, StandInContext } from './standIn/LocalStandIn.js';
import { listenOnRememberedPort } from './standIn/listenOnRememberedPort.js';
import type { LocalStepFunctions } from './stepfunctions/LocalStepFunctions.js';
import { STATE_MACHINE_TARGET } from './stepfunctions/stateMachineBusRules.js';

/** Where the local cloud's clock starts unless told otherwise: a Monday morning. */
export const DEFAULT_LOCAL_CLOUD_START = '2025-06-02T09:00:00Z';

/** Options of `LocalCloud.start`. */
export type LocalCloudOptions = {
  /** The folder holding the stacks: a core `serverless.yml` (optional) and `services/*` (default: the working directory). */
  rootDir?: string;
  /** The stage the stacks are resolved for (`${sls:stage}`). Default `local`. */
  stage?: string;
  /** Default `eu-west-1` (`AWS_DEFAULTS`). */
  region?: string;
  /** Default `123456789012` (`AWS_DEFAULTS`). */
  accountId?: string;
  /** Where the clock starts (default {@link DEFAULT_LOCAL_CLOUD_START}). */
  start?: Date | string | number;
  /** Runs the clock in real time: it follows wall time and fires its timers by itself (default: it moves only on `tick`). */
  realTimeClock?: boolean;
  /** Pipelines the SageMaker stand-in has from the start, as if created before. */
  pipelines?: LocalPipelineDefinition[];
  /** Clock time a pipeline execution runs when its plan sets none (default 30 minutes). */
  pipelineRunDuration?: DurationInput;
  /** How the endpoints' models score InvokeEndpoint requests, e.g. logistic coefficients per package version. */
  modelScoring?: ModelScoringPlan;
  /** Powertools log level of the functions (default `SILENT`; `INFO` shows their logs). */
  logLevel?: string;
  /** Extra variables for every function, over those of its `serverless.yml`. */
  environment?: Record<string, string>;
  /** Service folders to load (default: every `services/*` with a `serverless.yml`). */
  serviceDirs?: string[];
  /** SSM parameters the local Parameter Store has from the start, by name (SecureString values are stored as given). */
  parameters?: Record<string, LocalParameter>;
  /** Further stand-ins (Step Functions, SNS, Slack, PagerDuty...), started after the built-in ones. */
  standIns?: LocalStandIn[];
  /**
   * Transient faults: every service answers a seeded share of calls with its own throttling or
   * server error, never failing one request more than `maxConsecutive` times in a row (see `FaultInjector`).
   */
  faults?: LocalCloudFaults;
};

/** Where the local cloud runs: its stage, region and account. */
export type LocalCloudNames = { stage: string; region: string; accountId: string };

/** What `land` put in a bucket. */
export type LandedObject = { bucket: string; key: string; etag: string; size: number };

/** A guard against a handler that keeps scheduling work at the current time forever. */
const MAX_SETTLE_ROUNDS = 1000;

/**
 * The embedded local cloud: serverless stacks on one machine, with their own handlers and
 * unchanged AWS SDK clients.
 *
 * `start` reads the stacks (`loadServerlessRules`, `readStackResources`) and starts one stand-in
 * per service through the one `LocalStandIn` interface: DynamoDB and S3 with the tables and
 * buckets the stacks declare, Lambda with their functions, EventBridge with their rules and
 * schedules, Scheduler, SageMaker with the pipelines it is given, then any further stand-ins.
 * It points the SDK at them with `AWS_ENDPOINT_URL_<SERVICE>`, and while it runs `Date` follows
 * the one LocalClock, so handlers see the time `tick` moves. `stop` undoes all of it.
 *
 * Work flows as on AWS, asynchronously: `land` uploads and then lets every consequence settle;
 * `tick` advances the clock, firing schedules and pipeline completions in time order, and lets
 * each one settle at its own time.
 */
export class LocalCloud {
  readonly names: LocalCloudNames;
  readonly rootDir: string;
  readonly clock: LocalClock;
  readonly #options: LocalCloudOptions;
  #read?: ReadStacks;
  #builtIns?: BuiltInStandIns;
  #running: RunningStandIn[] = [];
  #endpoints: Record<string, string> = {};
  #cleanups: (() => unknown)[] = [];
  #driver?: RealTimeDriver;
  #faults?: FaultInjector;
  #stopped = false;

  private constructor(options: LocalCloudOptions) {
    this.#options = options;
    this.rootDir = path.resolve(options.rootDir ?? process.cwd());
    this.clock = new LocalClock({ start: options.start ?? DEFAULT_LOCAL_CLOUD_START });
    if (options.faults !== undefined) this.#faults = new FaultInjector(options.faults);
    this.names = {
      stage: options.stage ?? 'local',
      region: options.region ?? AWS_DEFAULTS.region,
      accountId: options.accountId ?? AWS_DEFAULTS.accountId,
    };
  }

  /**
   * Starts every stand-in; resolves when the stacks are ready to receive data.
   *
   * @throws LocalCloudError when a `serverless.yml` cannot be read or a stand-in does not start,
   * naming the file or the stand-in and the problem (whatever was started is stopped again)
   */
  static async start(options: LocalCloudOptions = {}): Promise<LocalCloud> {
    const cloud = new LocalCloud(options);
    try {
      await cloud.#start();
    } catch (error) {
      await cloud.stop();
      throw error;
    }
    return cloud;
  }

  async #start(): Promise<void> {
    const { stage, region, accountId } = this.names;
    // Over each function's serverless.yml environment: path-style S3 URLs for s3rver, quiet
    // Powertools (no metric or trace output in the terminal), and the caller's variables.
    const read = readStacks({
      rootDir: this.rootDir,
      stage,
      region,
      accountId,
      serviceDirs: this.#options.serviceDirs,
      environment: {
        AWS_S3_FORCE_PATH_STYLE: 'true',
        POWERTOOLS_LOG_LEVEL: this.#options.logLevel ?? 'SILENT',
        POWERTOOLS_METRICS_DISABLED: 'true',
        POWERTOOLS_TRACE_ENABLED: 'false',
        ...this.#options.environment,
      },
    });
    this.#read = read;
    const environment = { region, logLevel: this.#options.logLevel };
    this.#cleanups.push(applyEnvironment(localCloudEnvironment(undefined, environment)));
    this.#cleanups.push(installClockDate(this.clock));
    const ports = new Set<number>();
    this.#cleanups.push(installServerDateHeader(() => ports));

    const builtIn = builtInStandIns(
      read,
      {
        pipelines: this.#options.pipelines ?? [],
        ...(this.#options.pipelineRunDuration === undefined
          ? {}
          : { defaultRunDuration: this.#options.pipelineRunDuration }),
        ...(this.#options.modelScoring === undefined ? {} : { modelScoring: this.#options.modelScoring }),
      },
      { parameters: this.#options.parameters },
      { coreFile: path.join(this.rootDir, 'serverless.yml') },
    );
    this.#builtIns = builtIn;
    const context = this.#context(ports);
    for (const standIn of [...Object.values(builtIn), ...(this.#options.standIns ?? [])]) {
      let running: RunningStandIn;
      try {
        running = await standIn.start(context);
      } catch (error) {
        throw new LocalCloudError(`the ${standIn.name} stand-in did not start: ${(error as Error).message}`, {
          cause: error,
        });
      }
      this.#running.push(running);
      this.#cleanups.push(() => running.stop());
      Object.assign(this.#endpoints, running.endpoints);
      this.#cleanups.push(
        applyEnvironment({ ...localCloudEnvironment(running.endpoints, environment), ...running.environment }),
      );
      // Rules share these very objects, so every later invocation sees the variables.
      for (const fn of read.functions) Object.assign(fn.environment, running.environment);
    }
    if (this.#options.realTimeClock) {
      const driver = new RealTimeDriver((elapsedMs) => this.tick(elapsedMs));
      this.#driver = driver;
      this.#cleanups.push(() => driver.stop());
    }
  }

  #context(ports: Set<number>): StandInContext {
    const { stage, region, accountId } = this.names;
    const lambda = () => this.#builtIn().lambda;
    return {
      clock: this.clock,
      region,
      accountId,
      names: { stage, exports: this.exports },
      // A rule may target a state machine (its ARN): Step Functions starts it with the event as input.
      invoke: (target, payload, trigger) =>
        STATE_MACHINE_TARGET.test(target)
          ? void this.stepFunctions.startExecution({ stateMachineArn: target, input: JSON.stringify(payload) })
          : lambda().invoke(target, payload, trigger),
      invokeSync: (target, payload, trigger) => lambda().invokeSync(target, payload, trigger),
      putEvent: (event, bus) => this.bus.injectEvent(event, bus),
      drain: () => this.#drain(),
      listen: async (serviceId, listen) => {
        const faults = this.#faults;
        // With faults on, the service listens elsewhere and a fault proxy takes its usual port.
        const endpoint = await listenOnRememberedPort(faults ? `${serviceId}#origin` : serviceId, listen);
        ports.add(Number(new URL(endpoint).port));
        if (faults === undefined) return endpoint;
        const proxyEndpoint = await listenOnRememberedPort(serviceId, async (port) => {
          const proxy = await startFaultProxy({ service: serviceId, origin: endpoint, injector: faults, port });
          this.#cleanups.push(() => proxy.close());
          return proxy.endpoint;
        });
        ports.add(Number(new URL(proxyEndpoint).port));
        return proxyEndpoint;
      },
    };
  }

  #builtIn(): BuiltInStandIns {
    if (this.#builtIns === undefined) throw new LocalCloudError('the local cloud is not started');
    return this.#builtIns;
  }

  #stacks(): ReadStacks {
    if (this.#read === undefined) throw new LocalCloudError('the local cloud is not started');
    return this.#read;
  }

  /** Stops every stand-in (in reverse order) and puts the process environment and `Date` back. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    const errors: unknown[] = [];
    await this.#driver?.stop();
    try {
      await this.#drain();
    } catch (error) {
      errors.push(error);
    }
    for (const cleanup of this.#cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        errors.push(error);
      }
    }
    this.#cleanups = [];
    if (errors.length > 0) throw new LocalCloudError('the local cloud did not stop cleanly', { cause: errors[0] });
  }

  /** The endpoints the SDK clients are pointed at, by the lower-case service id of `AWS_ENDPOINT_URL_<SERVICE>`. */
  get endpoints(): LocalEndpoints {
    return { ...this.#endpoints } as LocalEndpoints;
  }

  /**
   * What a client outside the process needs to reach the local cloud: `AWS_ENDPOINT_URL_<SERVICE>`
   * for every endpoint, the credentials the stand-ins accept (s3rver insists on `S3RVER`) and the region.
   */
  clientEnvironment(): Record<string, string> {
    const variables = localCloudEnvironment(this.#endpoints, { region: this.names.region });
    const keep = (name: string) =>
      name.startsWith('AWS_ENDPOINT_URL_') ||
      ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION', 'AWS_DEFAULT_REGION'].includes(name);
    return Object.fromEntries(
      Object.entries(variables).filter((entry): entry is [string, string] => entry[1] !== undefined && keep(entry[0])),
    );
  }

  /** The stacks' exports (`Fn::ImportValue` names to values), e.g. a table or bucket name. */
  get exports(): Readonly<Record<string, string>> {
    return this.#read?.stacks.imports ?? {};
  }

  /** The tables, buckets and schedule groups the stacks declare, as created. */
  get resources(): StackResources {
    return this.#stacks().resources;
  }

  /** A DynamoDB document client on the local tables. */
  get documentClient(): DynamoDBDocumentClient {
    return this.#builtIn().dynamoDb.documentClient;
  }

  /** The local EventBridge: rules and the event log. */
  get bus(): LocalEventBridge {
    return this.#builtIn().eventBridge.bus;
  }

  /** The SageMaker stand-in, e.g. to change how the next executions end with `setRunPlan`. */
  get sageMaker(): LocalSageMaker {
    return this.#builtIn().sageMaker.sageMaker;
  }

  /** The sagemaker-runtime stand-in: its invocations, Data Capture files, and `setScoring`. */
  get sageMakerRuntime(): LocalSageMakerRuntime {
    return this.#builtIn().sageMakerRuntime.runtime;
  }

  /** The CloudWatch stand-in: the stacks' alarms, and `setAlarmState` to hold one in ALARM. */
  get cloudWatch(): LocalCloudWatch {
    return this.#builtIn().cloudWatch.cloudWatch;
  }

  /** The EventBridge Scheduler stand-in. */
  get scheduler(): LocalScheduler {
    return this.#builtIn().scheduler.scheduler;
  }

  /** The SNS stand-in: its topics, `publish` in process, and every message published so far. */
  get sns(): SnsStandIn {
    return this.#builtIn().sns;
  }

  /** The SQS stand-in: the stacks' queues, where dead letters land, and dead letters no queue took. */
  get sqs(): SqsStandIn {
    return this.#builtIn().sqs;
  }

  /** The Step Functions stand-in: the stacks' state machines, their executions and histories. */
  get stepFunctions(): LocalStepFunctions {
    return this.#builtIn().stepFunctions.stepFunctions;
  }

  /** Every message published to a topic so far, oldest first, with the functions it was delivered to. */
  snsMessages(): readonly PublishedSnsMessage[] {
    return this.#builtIn().sns.published();
  }

  /**
   * The base URL of a service's HTTP API (`http://127.0.0.1:<port>`; routes hang off it as on
   * API Gateway's `$default` stage).
   *
   * @throws LocalCloudError when the service declares no `httpApi` event
   */
  httpApiUrl(service: string): string {
    const url = this.#builtIn().httpApi.url(service);
    if (url === undefined) {
      const services = [...new Set(this.httpRoutes().map((route) => route.service))];
      throw new LocalCloudError(
        `the service ${service} has no HTTP API; ${services.length === 0 ? 'no service has httpApi events' : `these have: ${services.join(', ')}`}`,
      );
    }
    return url;
  }

  /** Every route of the HTTP APIs, with its service, function and API URL. */
  httpRoutes(): LocalHttpRoute[] {
    return this.#builtIn().httpApi.routes();
  }

  /** The functions of every service, with the environment they run with. */
  get functions(): readonly FunctionTarget[] {
    return this.#read?.functions ?? [];
  }

  /** The stacks as read from the services, with what could not be served locally (`skipped`, `warnings`). */
  get rules(): LoadedServerlessRules {
    return this.#stacks().stacks;
  }

  /** Schedule rule expressions the clock does not fire (a cron with a time zone other than UTC, an invalid expression). */
  get unfiredSchedules(): readonly UnfiredSchedule[] {
    return this.#builtIns?.eventBridge.unfiredSchedules ?? [];
  }

  /** Failures of the real-time clock's moves (a clock callback that threw), in order. */
  clockErrors(): readonly Error[] {
    return this.#driver?.errors ?? [];
  }

  /**
   * Fires a schedule rule of the services now, as EventBridge would at its time, and lets it settle.
   *
   * @throws Error when no schedule rule has that name
   */
  async fireSchedule(ruleName: string): Promise<LocalEvent> {
    const event = this.bus.fireSchedule(ruleName, this.clock.now());
    await this.settle();
    return event;
  }

  /** The faults injected so far by service, when `faults` is on; else undefined. */
  faultSummary(): FaultSummary | undefined {
    return this.#faults?.summary();
  }

  /** The clock's time. */
  now(): Date {
    return this.clock.now();
  }

  /**
   * Uploads an object, as a producer would, and lets what it sets off settle.
   *
   * The upload goes through S3 (s3rver); with EventBridge notifications on, S3's `Object Created`
   * event reaches the default bus and from there the rules' targets, and whatever those emit,
   * before this resolves. The bucket defaults to the first one with notifications on. With
   * `faults` on, the upload goes through the fault proxy with a client that retries past them.
   */
  async land(
    key: string,
    body: string | Uint8Array,
    options: { contentType?: string; bucket?: string } = {},
  ): Promise<LandedObject> {
    const { s3 } = this.#builtIn();
    const bucket = options.bucket ?? s3.defaultBucket;
    if (bucket === undefined) throw new LocalCloudError('the stacks declare no bucket to land objects in');
    const contentType = options.contentType ?? (key.endsWith('.csv') ? 'text/csv' : 'application/octet-stream');
    // With faults on, the upload meets them as a producer's would, and retries past them.
    const faults = this.#faults;
    const via =
      faults === undefined ? undefined : { endpoint: this.#endpoints.s3, maxAttempts: faults.maxConsecutive + 1 };
    const landed = await s3.put(bucket, key, body, contentType, via);
    await this.settle();
    return landed;
  }

  /** Puts an event on a bus (`default`, `custom` or a bus name) as an AWS service would, and lets it settle. */
  async inject(event: InjectedEvent, bus = 'default'): Promise<LocalEvent> {
    const complete = this.bus.injectEvent(event, bus);
    await this.settle();
    return complete;
  }

  /** Invokes a function synchronously (RequestResponse) by its key under `functions:` or deployed name. */
  async invoke(functionName: string, payload: unknown): Promise<InvocationResult> {
    const { lambda } = this.#builtIn();
    if (lambda.find(functionName) === undefined) {
      throw new LocalCloudError(
        `no function named ${functionName}; the stacks have ${this.functions.map((f) => f.functionName).join(', ')}`,
      );
    }
    const result = await lambda.invokeSync(functionName, payload, { kind: 'direct' });
    await this.settle();
    return result;
  }

  /**
   * Advances the clock by `duration`, firing schedules and pipeline status changes in time
   * order; each settles (its events delivered, their handlers run) at its own time.
   */
  async tick(duration: DurationInput): Promise<TickResult> {
    parseDuration(duration);
    await this.settle();
    const result = await this.clock.tick(duration);
    await this.settle();
    return result;
  }

  /**
   * Lets everything already set off run to the end without moving the clock: S3 events being
   * converted, events on the buses, Lambda invocations and their retries, and clock work due now.
   */
  async settle(): Promise<void> {
    for (let round = 0; round < MAX_SETTLE_ROUNDS; round++) {
      await this.#drain();
      const next = this.clock.nextAt();
      if (next === undefined || next.getTime() > this.clock.nowMs()) return;
      await this.clock.tick(0);
    }
    throw new LocalCloudError(
      `work kept arriving at ${this.clock.now().toISOString()} after ${MAX_SETTLE_ROUNDS} rounds`,
    );
  }

  async #drain(): Promise<void> {
    for (;;) {
      for (const running of this.#running) await running.drain?.();
      if (this.#running.every((running) => (running.inFlight?.() ?? 0) === 0)) return;
    }
  }

  /** Every event that reached a bus, in arrival order, with the rules it matched. */
  events(): readonly EventLogEntry[] {
    return this.bus.events;
  }

  /** Every invocation attempt, in order, with what the handler returned. */
  invocations(): InvocationRecord[] {
    return this.#builtIn().lambda.runner.invocations.map((record) => ({ ...record }));
  }

  /** Asynchronous invocations that failed every attempt. */
  deadLetters(): readonly DeadLetter[] {
    return this.#builtIn().lambda.runner.deadLetters;
  }

  /** S3 notifications that could not be turned into events (the object vanished before it could be read). */
  conversionErrors(): readonly Error[] {
    return this.#builtIn().s3.conversionErrors;
  }

  /** The pipeline executions SageMaker ran, oldest first. */
  executions(): LocalPipelineExecution[] {
    return this.sageMaker.executions();
  }

  /** Every item of a table, in scan order. */
  async scanTable<T = Record<string, unknown>>(tableName: string): Promise<T[]> {
    const client = this.documentClient;
    const items: T[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page: ScanCommandOutput = await client.send(
        new ScanCommand({ TableName: tableName, ExclusiveStartKey: startKey, ConsistentRead: true }),
      );
      items.push(...((page.Items ?? []) as T[]));
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    return items;
  }
}
