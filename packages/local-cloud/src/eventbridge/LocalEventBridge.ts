import { randomUUID } from 'node:crypto';
import { AWS_DEFAULTS } from '../aws/awsDefaults.js';
import type { InvocationTrigger } from '../lambda/LambdaRunner.js';
import type { BusRule, ScheduledRule } from './BusRule.js';
import { type CompiledPattern, compilePattern } from './compilePattern.js';
import type { AcceptedEvent } from './handlePutEvents.js';
import { eventTime, type LocalEvent } from './LocalEvent.js';
import { matchesPattern } from './matchesPattern.js';
import { type PutEventsEndpoint, startPutEventsEndpoint } from './putEventsEndpoint.js';
import type { RuleDescription, RuleDirectory, RuleState } from './ruleManagement.js';
import { transformInput } from './transformInput.js';

/** Runs a rule's target asynchronously (Lambda's `Event` invocation): the port to the Lambda stand-in. */
export type InvokeTarget = (deployedName: string, payload: unknown, trigger: InvocationTrigger) => void;

/** Options of a LocalEventBridge. */
export type LocalEventBridgeOptions<R extends BusRule = BusRule, S extends ScheduledRule = ScheduledRule> = {
  /** The name of the custom bus, besides `default` (rules on bus `custom` listen to it). */
  busName: string;
  /** The rules, in the order they match. */
  rules?: readonly R[];
  /** The schedule rules, for `fireSchedule` by name. */
  schedules?: readonly S[];
  /** Hands each matched event, transformed for its rule, to the rule's target. */
  invoke: InvokeTarget;
  region?: string;
  accountId?: string;
  /** The clock for event times and the log (default: wall-clock). Pass `() => clock.now()`. */
  now?: () => Date;
  /** What PutEvents does for an unknown bus: `reject` (default, ResourceNotFoundException) or `accept` (AWS: dropped). */
  unknownBus?: 'reject' | 'accept';
  /** Port of the PutEvents endpoint (default: a free one). */
  port?: number;
  /**
   * Sends an event a rule's target could not be given to the rule's target dead-letter queue
   * (`deadLetterQueueArn`), with EventBridge's attributes; without it, or without a queue, the
   * failure stays in `failedDeliveries` (or is thrown, for a target that cannot be invoked).
   */
  deadLetter?: (queueArn: string, event: LocalEvent, attributes: TargetDeadLetterAttributes) => void;
};

/** The message attributes EventBridge gives a target's dead letter. */
export type TargetDeadLetterAttributes = {
  RULE_ARN: string;
  TARGET_ARN: string;
  /** `TRANSFORMATION_ERROR`, `NO_RESOURCE`, ... */
  ERROR_CODE: string;
  ERROR_MESSAGE: string;
};

/** How an event reached the bus. */
export type EventOrigin = 'PutEvents' | 'inject' | 'schedule';

/** One event in the bus's log, with the rules it matched. */
export type EventLogEntry = {
  /** 1, 2, 3... in arrival order. */
  sequence: number;
  /** When the bus received it, by the bus's clock (ISO 8601). */
  receivedAt: string;
  /** The bus name (`default` or the custom bus name). */
  bus: string;
  origin: EventOrigin;
  event: LocalEvent;
  /** Names of the rules it matched (their targets were invoked), in rule order. */
  matchedRules: string[];
};

/** A matched rule whose target could not be given the event (its input transformation failed). */
export type FailedDelivery = { ruleName: string; eventId: string; error: { name: string; message: string } };

/** A partial event for `injectEvent`: what an AWS service would put on the bus. */
export type InjectedEvent = {
  source: string;
  'detail-type': string;
  detail: Record<string, unknown>;
  resources?: string[];
  /** Default: the bus's clock. */
  time?: string | Date;
  /** Default: a fresh UUID. */
  id?: string;
};

type LiveRule<R> = { rule: R; compiled: CompiledPattern };

const DEFAULT_BUS = 'default';

/**
 * The local EventBridge: the rules it is given, a PutEvents endpoint, and a router that hands
 * each matching event to its Lambda target through the `invoke` port.
 *
 * Every event, whether sent by a handler through the SDK (`endpoint`), injected by another
 * stand-in (`injectEvent`, e.g. S3 "Object Created" or SageMaker status changes on the default
 * bus) or fired by the clock (`fireSchedule`), is logged in arrival order, matched against every
 * rule of its bus with EventBridge's pattern semantics, transformed per rule (`input`,
 * `inputPath`, `inputTransformer`) and handed to `invoke` as an asynchronous invocation (so
 * Lambda's retries and dead letters apply there). Where the rules were written (a
 * `serverless.yml`, a test) is no concern of the bus.
 */
export class LocalEventBridge<R extends BusRule = BusRule, S extends ScheduledRule = ScheduledRule> {
  readonly region: string;
  readonly accountId: string;
  readonly customBusName: string;
  readonly #options: LocalEventBridgeOptions<R, S>;
  readonly #rules: LiveRule<R>[] = [];
  readonly #schedules: readonly S[];
  readonly #log: EventLogEntry[] = [];
  readonly #failedDeliveries: FailedDelivery[] = [];
  /** Rules switched off (DisableRule), by `<bus>/<name>`; every other rule is enabled. */
  readonly #disabled = new Set<string>();
  #endpoint?: PutEventsEndpoint;

  /** Compiles the rules; call `start()` (or use `LocalEventBridge.start`) to serve PutEvents. */
  constructor(options: LocalEventBridgeOptions<R, S>) {
    this.#options = options;
    this.region = options.region ?? AWS_DEFAULTS.region;
    this.accountId = options.accountId ?? AWS_DEFAULTS.accountId;
    this.customBusName = options.busName;
    this.#schedules = options.schedules ?? [];
    for (const rule of options.rules ?? []) this.addRule(rule);
  }

  /** Creates the bus and starts its PutEvents endpoint. */
  static async start<R extends BusRule, S extends ScheduledRule>(
    options: LocalEventBridgeOptions<R, S>,
  ): Promise<LocalEventBridge<R, S>> {
    const bus = new LocalEventBridge<R, S>(options);
    await bus.start();
    return bus;
  }

  /** Starts the PutEvents endpoint on a loopback port; handlers reach it through `AWS_ENDPOINT_URL_EVENTBRIDGE`. */
  async start(): Promise<void> {
    if (this.#endpoint !== undefined) return;
    this.#endpoint = await startPutEventsEndpoint({
      port: this.#options.port,
      region: this.region,
      accountId: this.accountId,
      now: () => this.#now(),
      unknownBus: this.#options.unknownBus,
      resolveBus: (nameOrArn) => this.#resolveBus(nameOrArn),
      rules: this.#ruleDirectory(),
      onAccepted: (accepted: AcceptedEvent[]) => {
        for (const { bus, event } of accepted) this.#route(event, bus, 'PutEvents');
      },
    });
  }

  /** Stops the endpoint (after `drain()` if invocations should finish first). */
  async stop(): Promise<void> {
    await this.#endpoint?.close();
    this.#endpoint = undefined;
  }

  /** The endpoint URL, for `AWS_ENDPOINT_URL_EVENTBRIDGE` or `new EventBridgeClient({ endpoint })`. */
  get endpoint(): string {
    if (this.#endpoint === undefined) throw new Error('LocalEventBridge is not started: call start() first');
    return this.#endpoint.endpoint;
  }

  /** The variables that point SDK clients at this bus. */
  environment(): Record<string, string> {
    return { AWS_ENDPOINT_URL_EVENTBRIDGE: this.endpoint };
  }

  /** The rules, in the order given (plus any added). */
  get rules(): readonly R[] {
    return this.#rules.map((live) => live.rule);
  }

  /** The schedule rules, for the clock. */
  get schedules(): readonly S[] {
    return this.#schedules;
  }

  /** Every event the bus received, in arrival order. */
  get events(): readonly EventLogEntry[] {
    return this.#log;
  }

  /** Matched rules whose input transformation failed, so their target was not invoked. */
  get failedDeliveries(): readonly FailedDelivery[] {
    return this.#failedDeliveries;
  }

  /**
   * Adds a rule (validating its pattern as PutRule would).
   *
   * @throws InvalidEventPatternError when the pattern is not valid.
   */
  addRule(rule: R): void {
    this.#rules.push({ rule, compiled: compilePattern(rule.pattern) });
  }

  /**
   * The state of rule `name` on `bus` (`default`, `custom` or a bus name; schedule rules are on
   * `default`), or undefined when the bus has no such rule.
   */
  ruleState(name: string, bus = DEFAULT_BUS): RuleState | undefined {
    const busName = bus === 'custom' ? this.customBusName : this.#resolveBus(bus);
    if (busName === undefined) return undefined;
    return this.#describeRule(name, busName)?.State;
  }

  /**
   * Enables or disables rule `name` on `bus`, as EnableRule and DisableRule do: a disabled rule
   * matches no event and its schedule does not fire.
   *
   * @throws Error when the bus has no such rule
   */
  setRuleState(name: string, state: RuleState, bus = DEFAULT_BUS): void {
    const busName = bus === 'custom' ? this.customBusName : this.#resolveBus(bus);
    if (busName === undefined || this.#describeRule(name, busName) === undefined) {
      throw new Error(`Rule ${name} does not exist on EventBus ${bus}`);
    }
    if (state === 'DISABLED') this.#disabled.add(`${busName}/${name}`);
    else this.#disabled.delete(`${busName}/${name}`);
  }

  /**
   * Puts an event on a bus as an AWS service would (S3, SageMaker, ...), without going over HTTP.
   *
   * `bus` is `default` (AWS service events), `custom`, or a bus name. Returns the complete event.
   *
   * @throws Error when the bus is unknown.
   */
  injectEvent(event: InjectedEvent, bus = DEFAULT_BUS): LocalEvent {
    const busName = bus === 'custom' ? this.customBusName : this.#resolveBus(bus);
    if (busName === undefined)
      throw new Error(`Event bus ${bus} does not exist (known: default, ${this.customBusName})`);
    const time = event.time === undefined ? this.#now() : new Date(event.time);
    const complete: LocalEvent = {
      version: '0',
      id: event.id ?? randomUUID(),
      'detail-type': event['detail-type'],
      source: event.source,
      account: this.accountId,
      time: eventTime(time),
      region: this.region,
      resources: event.resources ?? [],
      detail: event.detail,
    };
    this.#route(complete, busName, 'inject');
    return complete;
  }

  /**
   * Fires a schedule rule at `scheduledTime` (default: now by the bus's clock): its target gets
   * the rule's input, or the "Scheduled Event" EventBridge sends (for `method: scheduler`, the
   * one EventBridge Scheduler sends, from `aws.scheduler`). The event is logged like any other.
   *
   * @throws Error when no schedule rule has that name.
   */
  fireSchedule(rule: S | string, scheduledTime?: Date): LocalEvent {
    const schedule = typeof rule === 'string' ? this.#schedules.find((item) => item.ruleName === rule) : rule;
    if (schedule === undefined) throw new Error(`No schedule rule named ${String(rule)}`);
    const time = scheduledTime ?? this.#now();
    const scheduler = schedule.schedule.method === 'scheduler';
    const event: LocalEvent = {
      version: '0',
      id: randomUUID(),
      'detail-type': 'Scheduled Event',
      source: scheduler ? 'aws.scheduler' : 'aws.events',
      account: this.accountId,
      time: eventTime(time),
      region: this.region,
      resources: [
        scheduler
          ? `arn:aws:scheduler:${this.region}:${this.accountId}:schedule/default/${schedule.ruleName}`
          : this.#ruleArn(schedule.ruleName, DEFAULT_BUS),
      ],
      detail: {},
    };
    this.#log.push({
      sequence: this.#log.length + 1,
      receivedAt: this.#now().toISOString(),
      bus: DEFAULT_BUS,
      origin: 'schedule',
      event,
      matchedRules: [schedule.ruleName],
    });
    this.#deliver(schedule, event, DEFAULT_BUS);
    return event;
  }

  /**
   * What the clock does when a schedule rule is due: fires it (see `fireSchedule`) unless it is
   * disabled (DisableRule), in which case nothing happens until it is enabled again.
   * Returns the event, or undefined when the rule is disabled.
   */
  fireScheduleIfEnabled(rule: S, scheduledTime?: Date): LocalEvent | undefined {
    if (rule.schedule.method === 'eventBus' && this.ruleState(rule.ruleName) === 'DISABLED') return undefined;
    return this.fireSchedule(rule, scheduledTime);
  }

  #now(): Date {
    return this.#options.now?.() ?? new Date();
  }

  #ruleDirectory(): RuleDirectory {
    return {
      resolveBus: (nameOrArn) => this.#resolveBus(nameOrArn),
      describe: (name, bus) => this.#describeRule(name, bus),
      setState: (name, bus, state) => this.setRuleState(name, state, bus),
    };
  }

  /** Rule `name` on bus `busName` (a resolved name) as DescribeRule answers it, or undefined. */
  #describeRule(name: string, busName: string): RuleDescription | undefined {
    const State: RuleState = this.#disabled.has(`${busName}/${name}`) ? 'DISABLED' : 'ENABLED';
    const Arn = this.#ruleArn(name, busName);
    const busKind = busName === DEFAULT_BUS ? 'default' : 'custom';
    const rule = this.#rules.find((live) => live.rule.ruleName === name && live.rule.bus === busKind)?.rule;
    if (rule !== undefined) {
      return { Name: name, Arn, EventBusName: busName, State, EventPattern: JSON.stringify(rule.pattern) };
    }
    // Schedule rules live on the default bus; EventBridge Scheduler schedules are not rules.
    const schedule =
      busName === DEFAULT_BUS
        ? this.#schedules.find((item) => item.ruleName === name && item.schedule.method === 'eventBus')
        : undefined;
    if (schedule === undefined) return undefined;
    return { Name: name, Arn, EventBusName: busName, State, ScheduleExpression: schedule.schedule.expressions[0] };
  }

  #resolveBus(nameOrArn: string | undefined): string | undefined {
    const name = (nameOrArn ?? DEFAULT_BUS).replace(/^arn:[^:]+:events:[^:]*:[^:]*:event-bus\//, '');
    return name === DEFAULT_BUS || name === this.customBusName ? name : undefined;
  }

  #ruleArn(ruleName: string, bus: string): string {
    const prefix = bus === DEFAULT_BUS ? '' : `${bus}/`;
    return `arn:aws:events:${this.region}:${this.accountId}:rule/${prefix}${ruleName}`;
  }

  #route(event: LocalEvent, bus: string, origin: EventOrigin) {
    const busKind = bus === DEFAULT_BUS ? 'default' : 'custom';
    const matched = this.#rules.filter(
      ({ rule, compiled }) =>
        rule.bus === busKind && !this.#disabled.has(`${bus}/${rule.ruleName}`) && matchesPattern(compiled, event),
    );
    this.#log.push({
      sequence: this.#log.length + 1,
      receivedAt: this.#now().toISOString(),
      bus,
      origin,
      event,
      matchedRules: matched.map(({ rule }) => rule.ruleName),
    });
    for (const { rule } of matched) this.#deliver(rule, event, bus);
  }

  #deliver(rule: BusRule | ScheduledRule, event: LocalEvent, bus: string) {
    let payload: unknown;
    try {
      payload = transformInput(event, rule, {
        ruleName: rule.ruleName,
        ruleArn: this.#ruleArn(rule.ruleName, bus),
        ingestionTime: this.#now().toISOString(),
      });
    } catch (error) {
      const { name, message } = error as Error;
      this.#failedDeliveries.push({ ruleName: rule.ruleName, eventId: event.id, error: { name, message } });
      this.#deadLetter(rule, event, bus, 'TRANSFORMATION_ERROR', message);
      return;
    }
    try {
      this.#options.invoke(rule.deployedName, payload, {
        kind: 'schedule' in rule ? 'schedule' : 'eventBridge',
        ruleName: rule.ruleName,
        bus,
        eventId: event.id,
        detailType: event['detail-type'],
        source: event.source,
      });
    } catch (error) {
      // The target could not be invoked at all (no such function): EventBridge gives up on it
      // and, when the target has a dead-letter queue, sends the event there.
      if (!this.#deadLetter(rule, event, bus, 'NO_RESOURCE', (error as Error).message)) throw error;
    }
  }

  /** Sends the event to the rule's target dead-letter queue; false when it has none. */
  #deadLetter(rule: BusRule | ScheduledRule, event: LocalEvent, bus: string, code: string, message: string): boolean {
    const queueArn = (rule as { deadLetterQueueArn?: unknown }).deadLetterQueueArn;
    if (typeof queueArn !== 'string' || this.#options.deadLetter === undefined) return false;
    const target = rule.deployedName.startsWith('arn:')
      ? rule.deployedName
      : `arn:aws:lambda:${this.region}:${this.accountId}:function:${rule.deployedName}`;
    this.#options.deadLetter(queueArn, event, {
      RULE_ARN: this.#ruleArn(rule.ruleName, bus),
      TARGET_ARN: target,
      ERROR_CODE: code,
      ERROR_MESSAGE: message.slice(0, 1024),
    });
    return true;
  }
}
