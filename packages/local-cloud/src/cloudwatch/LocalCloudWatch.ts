import { AWS_DEFAULTS } from '../aws/awsDefaults.js';
import type { ClockTimer, LocalClock } from '../clock/LocalClock.js';
import { AwsServiceError } from '../http/AwsServiceError.js';
import { checkShape, validationMessage } from '../http/checkShape.js';
import { paginate } from '../http/paginate.js';
import { StandInServer } from '../http/StandInServer.js';
import { type AlarmStateChangeEnvelope, alarmEventTimestamp, alarmStateChangeEvent } from './alarmStateChangeEvent.js';
import { breachesThreshold } from './breachesThreshold.js';
import { cloudWatchHttpHandler } from './cloudWatchHttpHandler.js';
import { CLOUDWATCH_SHAPES } from './cloudWatchShapes.js';

/** The state of a CloudWatch alarm. */
export type AlarmStateValue = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

/** A metric alarm as PutMetricAlarm takes it (the members the stand-in keeps). */
export type MetricAlarmDefinition = {
  AlarmName: string;
  AlarmDescription?: string;
  ActionsEnabled?: boolean;
  OKActions?: string[];
  AlarmActions?: string[];
  InsufficientDataActions?: string[];
  MetricName?: string;
  Namespace?: string;
  Statistic?: string;
  ExtendedStatistic?: string;
  Dimensions?: { Name: string; Value: string }[];
  Period?: number;
  Unit?: string;
  EvaluationPeriods: number;
  DatapointsToAlarm?: number;
  Threshold?: number;
  ComparisonOperator: string;
  TreatMissingData?: string;
  Metrics?: unknown;
};

/** A snapshot of one alarm, for tests and the demo. */
export type LocalAlarm = {
  alarmName: string;
  alarmArn: string;
  state: AlarmStateValue;
  stateReason: string;
  stateUpdated: Date;
  definition: MetricAlarmDefinition;
};

/** Options of the CloudWatch stand-in. */
export type LocalCloudWatchOptions = {
  clock: LocalClock;
  /** Receives each `CloudWatch Alarm State Change` event, as EventBridge would deliver it. */
  emit?: (event: AlarmStateChangeEnvelope) => unknown;
  region?: string;
  accountId?: string;
  /**
   * The current value of an alarm's metric when the local cloud knows it (e.g. a queue's depth
   * for `AWS/SQS`), else undefined: such an alarm is evaluated on it every period.
   */
  metric?: (definition: MetricAlarmDefinition) => number | undefined;
};

type AlarmRecord = {
  definition: MetricAlarmDefinition;
  arn: string;
  state: AlarmStateValue;
  reason: string;
  reasonData?: string;
  updatedMs: number;
  configuredMs: number;
  /** Set when a test holds the state: the next evaluation leaves it alone. */
  held: boolean;
  evaluation?: ClockTimer;
};

type Json = Record<string, unknown>;

const seconds = (ms: number): number => ms / 1000;

/**
 * A wire-compatible stand-in for CloudWatch alarms: PutMetricAlarm, DescribeAlarms,
 * SetAlarmState and DeleteAlarms over the awsJson 1.0 protocol the SDK speaks to CloudWatch
 * (query-compatible errors), and over awsQuery for older clients, on the local clock.
 *
 * No metric data reaches the local cloud, so an alarm is evaluated on missing data only: it
 * starts `INSUFFICIENT_DATA` and one `Period` later takes the state its `TreatMissingData` gives
 * (`notBreaching`: OK, `breaching`: ALARM, `missing`: INSUFFICIENT_DATA, `ignore`: unchanged).
 * SetAlarmState changes the state until that next evaluation, as on AWS; `setAlarmState` in
 * process holds it until changed again, as a metric that keeps breaching would. Every change is
 * told to `subscribe` listeners (endpoint guardrails) and sent as `CloudWatch Alarm State Change`.
 */
export class LocalCloudWatch {
  readonly region: string;
  readonly accountId: string;
  readonly #clock: LocalClock;
  #emit?: (event: AlarmStateChangeEnvelope) => unknown;
  readonly #metric?: (definition: MetricAlarmDefinition) => number | undefined;
  readonly #alarms = new Map<string, AlarmRecord>();
  readonly #listeners = new Set<(alarmName: string, state: AlarmStateValue) => void>();
  readonly #server = new StandInServer(cloudWatchHttpHandler(this));

  constructor(options: LocalCloudWatchOptions) {
    this.#clock = options.clock;
    this.#emit = options.emit;
    this.#metric = options.metric;
    this.region = options.region ?? process.env.AWS_REGION ?? AWS_DEFAULTS.region;
    this.accountId = options.accountId ?? AWS_DEFAULTS.accountId;
  }

  /** Starts serving the API on a loopback port (0: any free one); resolves to the endpoint URL. */
  listen(options: { port?: number } = {}): Promise<string> {
    return this.#server.listen(options);
  }

  /** The endpoint URL while listening, else undefined. */
  get endpoint(): string | undefined {
    return this.#server.endpoint;
  }

  /** Stops serving and cancels pending evaluations. */
  close(): Promise<void> {
    for (const alarm of this.#alarms.values()) alarm.evaluation?.cancel();
    return this.#server.close();
  }

  /** The alarm's state, or undefined when no alarm has that name. */
  state(alarmName: string): AlarmStateValue | undefined {
    return this.#alarms.get(alarmName)?.state;
  }

  /** Calls `listener` on every state change; returns the unsubscribe function. */
  subscribe(listener: (alarmName: string, state: AlarmStateValue) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Snapshots of the alarms, by name. */
  alarms(): LocalAlarm[] {
    return [...this.#alarms.values()]
      .sort((a, b) => a.definition.AlarmName.localeCompare(b.definition.AlarmName))
      .map((alarm) => ({
        alarmName: alarm.definition.AlarmName,
        alarmArn: alarm.arn,
        state: alarm.state,
        stateReason: alarm.reason,
        stateUpdated: new Date(alarm.updatedMs),
        definition: structuredClone(alarm.definition),
      }));
  }

  /** Creates or replaces an alarm, as PutMetricAlarm does (e.g. for the alarms the stacks declare). */
  putMetricAlarm(definition: MetricAlarmDefinition): void {
    this.#run('PutMetricAlarm', definition);
  }

  /**
   * Sets an alarm's state and holds it until the next change (the test hook for "the error rate
   * is breaching"); the guardrails of an endpoint deployment watching it react at once.
   *
   * @throws AwsServiceError `ResourceNotFound` when no alarm has that name
   */
  setAlarmState(alarmName: string, state: AlarmStateValue, reason = `Set to ${state} locally`): void {
    const alarm = this.#require(alarmName);
    this.#change(alarm, state, reason, undefined, true);
  }

  /**
   * Runs one API operation on a decoded request body; what the HTTP layer calls.
   *
   * @throws AwsServiceError with CloudWatch's error code for invalid requests or unknown alarms
   */
  async handle(operation: string, body: unknown): Promise<Json> {
    return this.#run(operation, body);
  }

  #run(operation: string, body: unknown): Json {
    const shape = CLOUDWATCH_SHAPES[operation];
    if (!shape) throw new AwsServiceError('InvalidAction', `Could not find operation ${operation}`);
    const check = checkShape(shape, body);
    if (check.typeError) throw new AwsServiceError('SerializationException', check.typeError);
    if (check.violations.length > 0) throw new AwsServiceError('ValidationError', validationMessage(check.violations));
    const input = (body ?? {}) as Json;
    switch (operation) {
      case 'PutMetricAlarm':
        this.#put(input as unknown as MetricAlarmDefinition);
        return {};
      case 'DescribeAlarms':
        return this.#describe(input);
      case 'SetAlarmState': {
        const alarm = this.#require(input.AlarmName as string);
        const data = input.StateReasonData as string | undefined;
        if (data !== undefined) {
          try {
            JSON.parse(data);
          } catch {
            throw new AwsServiceError('InvalidFormat', 'StateReasonData is not valid JSON.');
          }
        }
        this.#change(alarm, input.StateValue as AlarmStateValue, input.StateReason as string, data, false);
        return {};
      }
      default:
        for (const name of input.AlarmNames as string[]) {
          if (!this.#alarms.has(name)) throw new AwsServiceError('ResourceNotFound', `Alarm ${name} not found`, 404);
        }
        for (const name of input.AlarmNames as string[]) {
          this.#alarms.get(name)?.evaluation?.cancel();
          this.#alarms.delete(name);
        }
        return {};
    }
  }

  #require(alarmName: string): AlarmRecord {
    const alarm = this.#alarms.get(alarmName);
    if (!alarm) throw new AwsServiceError('ResourceNotFound', `Alarm ${alarmName} not found`, 404);
    return alarm;
  }

  #put(definition: MetricAlarmDefinition): void {
    if (definition.MetricName === undefined && definition.Metrics === undefined) {
      throw new AwsServiceError('ValidationError', 'Either MetricName or Metrics must be specified.');
    }
    if (definition.Statistic !== undefined && definition.ExtendedStatistic !== undefined) {
      throw new AwsServiceError(
        'InvalidParameterCombination',
        'Exactly one element of the Statistic and ExtendedStatistic parameters must be specified.',
      );
    }
    const now = this.#clock.nowMs();
    const existing = this.#alarms.get(definition.AlarmName);
    existing?.evaluation?.cancel();
    const alarm: AlarmRecord = existing ?? {
      definition,
      arn: `arn:aws:cloudwatch:${this.region}:${this.accountId}:alarm:${definition.AlarmName}`,
      state: 'INSUFFICIENT_DATA',
      reason: 'Unchecked: Initial alarm creation',
      updatedMs: now,
      configuredMs: now,
      held: false,
    };
    alarm.definition = structuredClone(definition);
    alarm.configuredMs = now;
    this.#alarms.set(definition.AlarmName, alarm);
    this.#scheduleEvaluation(alarm);
  }

  #scheduleEvaluation(alarm: AlarmRecord): void {
    alarm.evaluation?.cancel();
    const periodMs = (alarm.definition.Period ?? 60) * 1000;
    alarm.evaluation = this.#clock.after(
      periodMs,
      () => {
        alarm.evaluation = undefined;
        if (alarm.held || this.#alarms.get(alarm.definition.AlarmName) !== alarm) return;
        if (this.#evaluateMetric(alarm)) return;
        const treat = alarm.definition.TreatMissingData ?? 'missing';
        const periods = alarm.definition.EvaluationPeriods;
        const as = treat === 'notBreaching' ? 'NonBreaching' : treat === 'breaching' ? 'Breaching' : undefined;
        const next: AlarmStateValue | undefined =
          treat === 'notBreaching'
            ? 'OK'
            : treat === 'breaching'
              ? 'ALARM'
              : treat === 'missing'
                ? 'INSUFFICIENT_DATA'
                : undefined;
        if (next === undefined || next === alarm.state) return;
        const reason =
          as === undefined
            ? `Insufficient Data: ${periods} datapoint(s) were unknown.`
            : `Threshold Crossed: no datapoints were received for ${periods} period(s) and ${periods} missing datapoint(s) were treated as [${as}].`;
        this.#change(alarm, next, reason, undefined, false);
      },
      { label: `cloudwatch ${alarm.definition.AlarmName} evaluation` },
    );
  }

  /**
   * Evaluates an alarm on its metric's current value, when the local cloud knows it, and
   * schedules the next evaluation a period later; false when the metric is unknown.
   */
  #evaluateMetric(alarm: AlarmRecord): boolean {
    const { definition } = alarm;
    const value = this.#metric?.(definition);
    const breaching =
      value === undefined
        ? undefined
        : breachesThreshold(value, definition.ComparisonOperator, definition.Threshold ?? 0);
    if (value === undefined || breaching === undefined) return false;
    const next: AlarmStateValue = breaching ? 'ALARM' : 'OK';
    if (next === alarm.state) {
      this.#scheduleEvaluation(alarm);
      return true;
    }
    const stamp = new Date(this.#clock.nowMs()).toISOString();
    const reason = `Threshold Crossed: 1 datapoint [${value.toFixed(1)} (${stamp})] was ${breaching ? '' : 'not '}${definition.ComparisonOperator.replace(
      /([A-Z])/g,
      ' $1',
    )
      .trim()
      .toLowerCase()} (${(definition.Threshold ?? 0).toFixed(1)}).`;
    this.#change(alarm, next, reason, undefined, false);
    return true;
  }

  #change(
    alarm: AlarmRecord,
    state: AlarmStateValue,
    reason: string,
    reasonData: string | undefined,
    hold: boolean,
  ): void {
    const previous = { value: alarm.state, reason: alarm.reason, timestamp: alarmEventTimestamp(alarm.updatedMs) };
    const now = this.#clock.nowMs();
    const changed = alarm.state !== state;
    alarm.state = state;
    alarm.reason = reason;
    alarm.reasonData = reasonData;
    alarm.updatedMs = now;
    alarm.held = hold;
    // As on AWS, a state set by SetAlarmState lasts until the next evaluation of the alarm.
    if (!hold) this.#scheduleEvaluation(alarm);
    else alarm.evaluation?.cancel();
    if (!changed) return;
    for (const listener of this.#listeners) listener(alarm.definition.AlarmName, state);
    const definition = alarm.definition;
    const event = alarmStateChangeEvent({
      region: this.region,
      accountId: this.accountId,
      alarmArn: alarm.arn,
      timeMs: now,
      detail: {
        alarmName: definition.AlarmName,
        state: {
          value: state,
          reason,
          ...(reasonData === undefined ? {} : { reasonData }),
          timestamp: alarmEventTimestamp(now),
        },
        previousState: previous,
        configuration: {
          ...(definition.AlarmDescription === undefined ? {} : { description: definition.AlarmDescription }),
          metrics: [
            {
              id: 'm1',
              metricStat: {
                metric: {
                  namespace: definition.Namespace,
                  name: definition.MetricName,
                  dimensions: Object.fromEntries((definition.Dimensions ?? []).map((d) => [d.Name, d.Value])),
                },
                period: definition.Period,
                stat: definition.Statistic ?? definition.ExtendedStatistic,
              },
              returnData: true,
            },
          ],
        },
      },
    });
    const emit = this.#emit;
    if (emit !== undefined)
      this.#clock.at(now, () => emit(event), { label: `cloudwatch ${definition.AlarmName} ${state}` });
  }

  /** Sets (or replaces) where alarm events go, for wiring done after construction. */
  setEmitter(emit: ((event: AlarmStateChangeEnvelope) => unknown) | undefined): void {
    this.#emit = emit;
  }

  #describe(input: Json): Json {
    const names = input.AlarmNames as string[] | undefined;
    const prefix = input.AlarmNamePrefix as string | undefined;
    const stateValue = input.StateValue as string | undefined;
    const actionPrefix = input.ActionPrefix as string | undefined;
    const types = input.AlarmTypes as string[] | undefined;
    if (names !== undefined && prefix !== undefined) {
      throw new AwsServiceError(
        'InvalidParameterCombination',
        'AlarmNames and AlarmNamePrefix cannot both be specified.',
      );
    }
    const wantMetric = types === undefined || types.includes('MetricAlarm');
    const matching = wantMetric
      ? [...this.#alarms.values()]
          .filter((alarm) => {
            const d = alarm.definition;
            return (
              (names === undefined || names.includes(d.AlarmName)) &&
              (prefix === undefined || d.AlarmName.startsWith(prefix)) &&
              (stateValue === undefined || alarm.state === stateValue) &&
              (actionPrefix === undefined ||
                [...(d.AlarmActions ?? []), ...(d.OKActions ?? []), ...(d.InsufficientDataActions ?? [])].some((a) =>
                  a.startsWith(actionPrefix),
                ))
            );
          })
          .sort((a, b) => a.definition.AlarmName.localeCompare(b.definition.AlarmName))
      : [];
    const page = paginate(
      matching,
      { NextToken: input.NextToken, MaxResults: input.MaxRecords },
      50,
      'Invalid NextToken',
    );
    return {
      MetricAlarms: page.items.map((alarm) => {
        const d = alarm.definition;
        return {
          AlarmName: d.AlarmName,
          AlarmArn: alarm.arn,
          AlarmDescription: d.AlarmDescription,
          AlarmConfigurationUpdatedTimestamp: seconds(alarm.configuredMs),
          ActionsEnabled: d.ActionsEnabled ?? true,
          OKActions: d.OKActions ?? [],
          AlarmActions: d.AlarmActions ?? [],
          InsufficientDataActions: d.InsufficientDataActions ?? [],
          StateValue: alarm.state,
          StateReason: alarm.reason,
          StateReasonData: alarm.reasonData,
          StateUpdatedTimestamp: seconds(alarm.updatedMs),
          StateTransitionedTimestamp: seconds(alarm.updatedMs),
          MetricName: d.MetricName,
          Namespace: d.Namespace,
          Statistic: d.Statistic,
          ExtendedStatistic: d.ExtendedStatistic,
          Dimensions: d.Dimensions ?? [],
          Period: d.Period,
          Unit: d.Unit,
          EvaluationPeriods: d.EvaluationPeriods,
          DatapointsToAlarm: d.DatapointsToAlarm,
          Threshold: d.Threshold,
          ComparisonOperator: d.ComparisonOperator,
          TreatMissingData: d.TreatMissingData,
          Metrics: d.Metrics,
        };
      }),
      CompositeAlarms: [],
      NextToken: page.nextToken,
    };
  }
}
