import path from 'node:path';
import { HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import {
  type DynamoDbEmulator,
  type S3Emulator,
  type S3rverEventRecord,
  s3ClientOptions,
  startDynamoDb,
  startS3,
} from '@fleet/emulators';
import {
  type FleetRecord,
  type LoadedFleetConfig,
  loadFleetConfig,
  RecordsRepository,
  recordsTableDefinition,
  resetFleetConfig,
} from '@fleet/shared';
import { LocalClock, type TickResult } from './clock/LocalClock.js';
import { type DurationInput, parseDuration } from './clock/parseDuration.js';
import { applyEnvironment } from './cloud/applyEnvironment.js';
import { findRepoRoot } from './cloud/findRepoRoot.js';
import { fleetPipelineDefinitions } from './cloud/fleetPipelineDefinitions.js';
import { installClockDate } from './cloud/installClockDate.js';
import { installServerDateHeader } from './cloud/installServerDateHeader.js';
import { LocalCloudError } from './cloud/LocalCloudError.js';
import type { LocalStandIn, RunningStandIn } from './cloud/LocalStandIn.js';
import { type LocalEndpoints, localCloudEnvironment } from './cloud/localCloudEnvironment.js';
import { isObjectCreated, objectCreatedEvent, type S3NotificationRecord } from './cloud/objectCreatedEvent.js';
import { stackScheduleGroups } from './cloud/stackScheduleGroups.js';
import { startScheduleRules, type UnfiredSchedule } from './cloud/startScheduleRules.js';
import type { LocalEvent } from './eventbridge/LocalEvent.js';
import { type EventLogEntry, type InjectedEvent, LocalEventBridge } from './eventbridge/LocalEventBridge.js';
import type { DeadLetter, InvocationRecord, InvocationResult } from './lambda/LambdaRunner.js';
import type { LocalPipelineExecution, LocalSageMaker, PipelineRunPlan } from './sagemaker/LocalSageMaker.js';
import { LocalSageMaker as SageMakerStandIn } from './sagemaker/LocalSageMaker.js';
import { LocalScheduler } from './scheduler/LocalScheduler.js';
import type { EventRule, FunctionTarget, ScheduleRule } from './serverless/LocalRule.js';
import { type LoadedServerlessRules, loadServerlessRules } from './serverless/loadServerlessRules.js';

/** Where the local cloud's clock starts unless told otherwise: a Monday morning, outside any quiet hours. */
export const DEFAULT_LOCAL_CLOUD_START = '2025-06-02T09:00:00Z';

/** Options of `LocalCloud.start`. */
export type LocalCloudOptions = {
  /** The repository root (default: found above this package). */
  rootDir?: string;
  /** The stage: names the bus, table and bucket (`fleet-<stage>-...`) and is the functions' `FLEET_STAGE`. Default `local`. */
  stage?: string;
  /** Default `eu-west-1`. */
  region?: string;
  /** Default `123456789012`. */
  accountId?: string;
  /** Where the clock starts (default {@link DEFAULT_LOCAL_CLOUD_START}). */
  start?: Date | string | number;
  /** The fleet configuration (default `<rootDir>/fleet.config.yaml`); the functions read this very file. */
  configFile?: string;
  /** How pipeline executions end (default: succeed after 20 minutes). */
  pipelineRun?: PipelineRunPlan;
  /** Powertools log level of the functions (default `SILENT`; `INFO` shows their logs). */
  logLevel?: string;
  /** Extra variables for every function, over those of its `serverless.yml`. */
  environment?: Record<string, string>;
  /** Service folders to load (default: every `services/*` with a `serverless.yml`). */
  serviceDirs?: string[];
  /** Further local services (a Step Functions runner, Slack or PagerDuty receivers), started after the core. */
  standIns?: LocalStandIn[];
};

/** Names of the stage's resources, as the core stack exports them. */
export type LocalCloudNames = {
  stage: string;
  region: string;
  accountId: string;
  eventBusName: string;
  recordsTableName: string;
  dataBucket: string;
};

/** What `land` put in the data bucket. */
export type LandedObject = { bucket: string; key: string; etag: string; size: number };

const DEFAULT_PIPELINE_RUN: PipelineRunPlan = { duration: '20m', status: 'Succeeded' };
/** A guard against a handler that keeps scheduling work at the current time forever. */
const MAX_SETTLE_ROUNDS = 1000;

/** Ports of the previous cloud in this process, reused so that SDK clients cached by handler modules keep working. */
const previousPorts: Partial<Record<keyof LocalEndpoints, number>> = {};

const portOf = (endpoint: string): number => Number(new URL(endpoint).port);

/** Tries the port of the previous cloud first, then any free port. */
const onRememberedPort = async <T>(
  service: keyof LocalEndpoints,
  start: (port: number | undefined) => Promise<T>,
): Promise<T> => {
  const remembered = previousPorts[service];
  if (remembered !== undefined) {
    try {
      return await start(remembered);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
  return start(undefined);
};

/**
 * The embedded local cloud: the whole fleet on one machine, with the services' own handlers and
 * unchanged AWS SDK clients.
 *
 * `start` brings up DynamoDB (dynalite, with the records table), S3 (s3rver, with the data
 * bucket, whose writes become S3 `Object Created` events on the default bus as with
 * EventBridge notifications on), the EventBridge bus with every rule of the services'
 * `serverless.yml`, and the Scheduler and SageMaker stand-ins (with the pipelines the fleet
 * configuration names), all on one LocalClock. It points the SDK at them with
 * `AWS_ENDPOINT_URL_<SERVICE>` and gives each function its `serverless.yml` environment, with
 * the configuration file of the repository. While it runs, `Date` follows the clock, so the
 * handlers' guards and debounce windows see the time `tick` moves. `stop` undoes all of it.
 *
 * Work flows as on AWS, asynchronously: `land` uploads and then lets every consequence settle;
 * `tick` advances the clock, firing schedules and pipeline completions in time order, and lets
 * each one settle at its own time.
 */
export class LocalCloud {
  readonly names: LocalCloudNames;
  readonly rootDir: string;
  readonly configFile: string;
  readonly clock: LocalClock;
  readonly #options: LocalCloudOptions;
  #config?: LoadedFleetConfig;
  #rules?: LoadedServerlessRules;
  #functions: FunctionTarget[] = [];
  #dynamo?: DynamoDbEmulator;
  #s3?: S3Emulator;
  #s3Client?: S3Client;
  #sageMaker?: LocalSageMaker;
  #scheduler?: LocalScheduler;
  #bus?: LocalEventBridge;
  #records?: RecordsRepository;
  #endpoints?: LocalEndpoints;
  #cleanups: (() => unknown)[] = [];
  #pendingConversions = new Set<Promise<void>>();
  #conversionErrors: Error[] = [];
  #sequencer = 0;
  #unfiredSchedules: UnfiredSchedule[] = [];
  #stopped = false;

  private constructor(options: LocalCloudOptions) {
    this.#options = options;
    this.rootDir = path.resolve(options.rootDir ?? findRepoRoot(__dirname));
    this.configFile = path.resolve(this.rootDir, options.configFile ?? 'fleet.config.yaml');
    const stage = options.stage ?? 'local';
    const region = options.region ?? 'eu-west-1';
    const accountId = options.accountId ?? '123456789012';
    this.clock = new LocalClock({ start: options.start ?? DEFAULT_LOCAL_CLOUD_START });
    this.names = {
      stage,
      region,
      accountId,
      eventBusName: `fleet-${stage}`,
      recordsTableName: `fleet-${stage}-records`,
      dataBucket: `fleet-${stage}-data-${accountId}-${region}`,
    };
  }

  /**
   * Starts every part of the local cloud; resolves when the fleet is ready to receive data.
   *
   * @throws LocalCloudError when a `serverless.yml` or the configuration cannot be read, naming
   * the file and the problem (whatever was started is stopped again)
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
    const rules = loadServerlessRules({
      rootDir: this.rootDir,
      stage,
      region,
      accountId,
      serviceDirs: this.#options.serviceDirs,
    });
    if (rules.errors.length > 0) {
      throw new LocalCloudError(
        `cannot load the services' serverless.yml:\n${rules.errors.map((error) => `  ${error.message}`).join('\n')}`,
      );
    }
    const imports = rules.imports;
    Object.assign(this.names, {
      eventBusName: rules.fleetBusName,
      recordsTableName: imports[`fleet-${stage}-RecordsTableName`] ?? this.names.recordsTableName,
      dataBucket: imports[`fleet-${stage}-DataBucketName`] ?? this.names.dataBucket,
    });
    try {
      this.#config = loadFleetConfig({ file: this.configFile, stage });
    } catch (error) {
      throw new LocalCloudError((error as Error).message, { cause: error });
    }

    const environment = { region, logLevel: this.#options.logLevel };
    this.#cleanups.push(applyEnvironment(localCloudEnvironment(undefined, environment)));
    this.#cleanups.push(installClockDate(this.clock));
    const ports = new Set<number>();
    this.#cleanups.push(installServerDateHeader(() => ports));

    const dynamo = await onRememberedPort('dynamodb', (port) => startDynamoDb({ port }));
    this.#dynamo = dynamo;
    ports.add(portOf(dynamo.endpoint));
    this.#cleanups.push(() => dynamo.stop());
    await dynamo.createTable(recordsTableDefinition(this.names.recordsTableName));
    this.#records = new RecordsRepository({ client: dynamo.documentClient, tableName: this.names.recordsTableName });

    const s3 = await onRememberedPort('s3', (port) => startS3({ port }));
    this.#s3 = s3;
    ports.add(portOf(s3.endpoint));
    this.#cleanups.push(() => s3.stop());
    await s3.createBucket(this.names.dataBucket);
    this.#s3Client = new S3Client(s3ClientOptions(s3.endpoint));
    this.#cleanups.push(() => this.#s3Client?.destroy());
    s3.onObjectEvent((record) => this.#onS3Record(record));

    const sageMaker = new SageMakerStandIn({
      clock: this.clock,
      region,
      accountId,
      defaultRunDuration: '20m',
    });
    this.#sageMaker = sageMaker;
    for (const definition of fleetPipelineDefinitions(
      this.#config,
      this.#options.pipelineRun ?? DEFAULT_PIPELINE_RUN,
    )) {
      sageMaker.registerPipeline(definition);
    }
    ports.add(portOf(await onRememberedPort('sagemaker', (port) => sageMaker.listen({ port }))));
    this.#cleanups.push(() => sageMaker.close());

    const scheduler = new LocalScheduler({
      clock: this.clock,
      region,
      accountId,
      // A target that cannot be invoked is kept in the invocation list (and shown), not thrown into tick.
      onInvokeError: () => undefined,
    });
    this.#scheduler = scheduler;
    for (const name of stackScheduleGroups(rules, { region, accountId, stage })) {
      await scheduler.handle('CreateScheduleGroup', { Name: name });
    }
    ports.add(portOf(await onRememberedPort('scheduler', (port) => scheduler.listen({ port }))));
    this.#cleanups.push(() => scheduler.close());

    // Over each function's serverless.yml environment: the repository's configuration file
    // (the packaged copy does not exist locally), path-style S3 URLs for s3rver, and quiet
    // Powertools (no metric or trace output in the terminal).
    const functionEnvironment = {
      FLEET_CONFIG_FILE: this.configFile,
      FLEET_STAGE: stage,
      AWS_S3_FORCE_PATH_STYLE: 'true',
      POWERTOOLS_LOG_LEVEL: this.#options.logLevel ?? 'SILENT',
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_TRACE_ENABLED: 'false',
      ...this.#options.environment,
    };
    this.#functions = rules.functions.map((fn) => ({
      ...fn,
      environment: { ...fn.environment, ...functionEnvironment },
    }));
    const byName = new Map(this.#functions.map((fn) => [fn.deployedName, fn]));
    const withEnvironment = <R extends EventRule | ScheduleRule>(rule: R): R => ({
      ...rule,
      environment: byName.get(rule.deployedName)?.environment ?? { ...rule.environment, ...functionEnvironment },
    });
    this.#rules = {
      ...rules,
      rules: rules.rules.map(withEnvironment),
      schedules: rules.schedules.map(withEnvironment),
    };

    const loaded = this.#rules;
    await onRememberedPort('eventbridge', async (port) => {
      const bus = new LocalEventBridge({
        loaded,
        region,
        accountId,
        // Date follows the clock (installClockDate), so event times and records are clock times.
        now: () => new Date(),
        port,
      });
      await bus.start();
      this.#bus = bus;
      ports.add(portOf(bus.endpoint));
    });
    this.#cleanups.push(() => this.#bus?.stop());

    this.#endpoints = {
      dynamodb: dynamo.endpoint,
      s3: s3.endpoint,
      eventbridge: this.bus.endpoint,
      scheduler: scheduler.endpoint as string,
      sagemaker: sageMaker.endpoint as string,
    };
    for (const [service, endpoint] of Object.entries(this.#endpoints)) {
      previousPorts[service as keyof LocalEndpoints] = portOf(endpoint);
    }
    this.#cleanups.push(applyEnvironment(localCloudEnvironment(this.#endpoints, environment)));
    resetFleetConfig();
    this.#cleanups.push(resetFleetConfig);

    sageMaker.setEmitter(async (event) => {
      this.bus.injectEvent(event, 'default');
      await this.#drain();
    });
    scheduler.setInvoker(async (invocation) => {
      const fn = this.#functionByArn(invocation.arn);
      if (fn === undefined) throw new LocalCloudError(`no function of the fleet has the ARN ${invocation.arn}`);
      this.bus.runner.invokeAsync(fn, invocation.input === undefined ? {} : JSON.parse(invocation.input), {
        kind: 'schedule',
        ruleName: invocation.scheduleName,
      });
      await this.#drain();
    });
    const scheduleRules = startScheduleRules(this.#rules.schedules, this.clock, async (rule, at) => {
      this.bus.fireSchedule(rule, at);
      await this.#drain();
    });
    this.#unfiredSchedules = scheduleRules.unfired;
    this.#cleanups.push(scheduleRules.stop);

    for (const standIn of this.#options.standIns ?? []) {
      let running: RunningStandIn;
      try {
        running = await standIn.start(this);
      } catch (error) {
        throw new LocalCloudError(`the ${standIn.name} stand-in did not start: ${(error as Error).message}`, {
          cause: error,
        });
      }
      this.#cleanups.push(() => running.stop());
      const variables = running.environment ?? {};
      this.#cleanups.push(applyEnvironment(variables));
      // The rules hold these very objects, so every later invocation sees the variables.
      for (const fn of this.#functions) Object.assign(fn.environment, variables);
    }
  }

  /** Stops everything `start` started and puts the process environment and `Date` back. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    await this.#bus?.drain().catch(() => undefined);
    const errors: unknown[] = [];
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

  /** The endpoints the SDK clients are pointed at. */
  get endpoints(): LocalEndpoints {
    return { ...(this.#endpoints as LocalEndpoints) };
  }

  /** The local EventBridge: rules, event log, Lambda runner. */
  get bus(): LocalEventBridge {
    if (this.#bus === undefined) throw new LocalCloudError('the local cloud is not started');
    return this.#bus;
  }

  /** The SageMaker stand-in, e.g. to change how the next executions end with `setRunPlan`. */
  get sageMaker(): LocalSageMaker {
    if (this.#sageMaker === undefined) throw new LocalCloudError('the local cloud is not started');
    return this.#sageMaker;
  }

  /** The EventBridge Scheduler stand-in. */
  get scheduler(): LocalScheduler {
    if (this.#scheduler === undefined) throw new LocalCloudError('the local cloud is not started');
    return this.#scheduler;
  }

  /** The fleet configuration the functions run with. */
  get config(): LoadedFleetConfig {
    if (this.#config === undefined) throw new LocalCloudError('the local cloud is not started');
    return this.#config;
  }

  /** The functions of every service, with the environment they run with. */
  get functions(): readonly FunctionTarget[] {
    return this.#functions;
  }

  /** The rules as loaded from the services, with what could not be served locally (`skipped`, `warnings`). */
  get rules(): LoadedServerlessRules {
    if (this.#rules === undefined) throw new LocalCloudError('the local cloud is not started');
    return this.#rules;
  }

  /** Schedule rule expressions the clock does not fire (a cron with a time zone other than UTC, an invalid expression). */
  get unfiredSchedules(): readonly UnfiredSchedule[] {
    return this.#unfiredSchedules;
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

  /** The clock's time. */
  now(): Date {
    return this.clock.now();
  }

  /**
   * Uploads an object to the data bucket, as a producer would, and lets what it sets off settle.
   *
   * The upload goes through S3 (s3rver); S3's `Object Created` event reaches the default bus
   * and from there the validation, and whatever that emits, before this resolves.
   */
  async land(key: string, body: string | Uint8Array, options: { contentType?: string } = {}): Promise<LandedObject> {
    const client = this.#s3Client;
    if (client === undefined) throw new LocalCloudError('the local cloud is not started');
    const output = await client.send(
      new PutObjectCommand({
        Bucket: this.names.dataBucket,
        Key: key,
        Body: body,
        ContentType: options.contentType ?? (key.endsWith('.csv') ? 'text/csv' : 'application/octet-stream'),
      }),
    );
    await this.settle();
    return {
      bucket: this.names.dataBucket,
      key,
      etag: (output.ETag ?? '').replace(/"/g, ''),
      size: typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength,
    };
  }

  /** Puts an event on a bus (`default`, `fleet` or a bus name) as an AWS service would, and lets it settle. */
  async inject(event: InjectedEvent, bus = 'default'): Promise<LocalEvent> {
    const complete = this.bus.injectEvent(event, bus);
    await this.settle();
    return complete;
  }

  /** Invokes a function synchronously (RequestResponse) by its key under `functions:` or deployed name. */
  async invoke(functionName: string, payload: unknown): Promise<InvocationResult> {
    const fn = this.#functions.find((f) => f.functionName === functionName || f.deployedName === functionName);
    if (fn === undefined) {
      throw new LocalCloudError(
        `no function named ${functionName}; the fleet has ${this.#functions.map((f) => f.functionName).join(', ')}`,
      );
    }
    const result = await this.bus.runner.invoke(fn, payload, { kind: 'direct' });
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
      while (this.#pendingConversions.size > 0) await Promise.all([...this.#pendingConversions]);
      await this.bus.drain();
      if (this.#pendingConversions.size === 0 && this.bus.runner.inFlight === 0) return;
    }
  }

  /** Every event that reached a bus, in arrival order, with the rules it matched. */
  events(): readonly EventLogEntry[] {
    return this.bus.events;
  }

  /** Every invocation attempt, in order, with what the handler returned. */
  invocations(): InvocationRecord[] {
    return this.bus.invocations.map((record) => ({ ...record }));
  }

  /** Asynchronous invocations that failed every attempt. */
  deadLetters(): readonly DeadLetter[] {
    return this.bus.deadLetters;
  }

  /** S3 notifications that could not be turned into events (the object vanished before it could be read). */
  conversionErrors(): readonly Error[] {
    return this.#conversionErrors;
  }

  /** The pipeline executions SageMaker ran, oldest first. */
  executions(): LocalPipelineExecution[] {
    return this.sageMaker.executions();
  }

  /** Every record in the records table, in time order. */
  async records(): Promise<FleetRecord[]> {
    const client = this.#dynamo?.documentClient;
    if (client === undefined) throw new LocalCloudError('the local cloud is not started');
    const items: FleetRecord[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page: ScanCommandOutput = await client.send(
        new ScanCommand({ TableName: this.names.recordsTableName, ExclusiveStartKey: startKey, ConsistentRead: true }),
      );
      items.push(...((page.Items ?? []) as FleetRecord[]));
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    return items.sort((a, b) => String(a.at).localeCompare(String(b.at)) || a.sk.localeCompare(b.sk));
  }

  /** One partition's history (`PIPELINE#churn-retrain`, `DATASET#churn`, ...), in time order. */
  async history(pk: string): Promise<FleetRecord[]> {
    if (this.#records === undefined) throw new LocalCloudError('the local cloud is not started');
    return this.#records.history(pk);
  }

  /** Every record of one correlation id, in time order. */
  async byCorrelation(correlationId: string): Promise<FleetRecord[]> {
    if (this.#records === undefined) throw new LocalCloudError('the local cloud is not started');
    return this.#records.byCorrelation(correlationId);
  }

  #functionByArn(arn: string): FunctionTarget | undefined {
    const name = /^arn:aws[a-z-]*:lambda:[^:]*:[^:]*:function:([^:]+)(?::[^:]+)?$/.exec(arn)?.[1];
    return this.#functions.find((fn) => fn.deployedName === (name ?? arn));
  }

  #onS3Record(record: S3rverEventRecord): void {
    const notification = record as S3NotificationRecord;
    if (notification.s3.bucket.name !== this.names.dataBucket || !isObjectCreated(notification)) return;
    // Taken now, in arrival order: S3 orders the events of one key by their sequencer.
    const sequencer = (this.clock.nowMs() * 1000 + (this.#sequencer++ % 1000)).toString(16).toUpperCase();
    const time = new Date();
    const conversion = (async () => {
      let etag: string | undefined;
      if (notification.s3.object.eTag === undefined) {
        const head = await (this.#s3Client as S3Client).send(
          new HeadObjectCommand({ Bucket: notification.s3.bucket.name, Key: notification.s3.object.key }),
        );
        etag = head.ETag?.replace(/"/g, '');
      }
      const event = objectCreatedEvent(notification, {
        region: this.names.region,
        accountId: this.names.accountId,
        time,
        etag,
        sequencer,
      });
      this.bus.injectEvent(event, 'default');
    })()
      .catch((error: unknown) => {
        this.#conversionErrors.push(error as Error);
      })
      .finally(() => {
        this.#pendingConversions.delete(conversion);
      });
    this.#pendingConversions.add(conversion);
  }
}
