import type { LocalStandIn, RunningStandIn, StandInContext } from '../standIn/LocalStandIn.js';
import { type AlarmStateValue, LocalCloudWatch, type MetricAlarmDefinition } from './LocalCloudWatch.js';
import { readStackAlarms } from './readStackAlarms.js';

/**
 * CloudWatch alarms on the clock, with the `AWS::CloudWatch::Alarm` resources of the stacks
 * created at start; alarm state changes go to the default bus through `context.putEvent`.
 *
 * It is also the source of alarm states the SageMaker stand-in's endpoint guardrails watch
 * (`state`, `subscribe`), usable before it starts: listeners are kept and served once it runs.
 */
export class CloudWatchStandIn implements LocalStandIn {
  readonly name = 'cloudwatch';
  readonly #files: readonly string[];
  readonly #imports: Record<string, string>;
  readonly #listeners = new Set<(alarmName: string, state: AlarmStateValue) => void>();
  #cloudWatch?: LocalCloudWatch;
  #skipped: string[] = [];
  readonly #metric?: (definition: MetricAlarmDefinition) => number | undefined;

  /** `files`: the stacks' `serverless.yml` files; `imports`: their exports, for `Fn::ImportValue`. */
  constructor(options: {
    files: readonly string[];
    imports: Record<string, string>;
    /** The current value of an alarm's metric when the local cloud knows it (see `LocalCloudWatchOptions.metric`). */
    metric?: (definition: MetricAlarmDefinition) => number | undefined;
  }) {
    this.#files = options.files;
    this.#imports = options.imports;
    this.#metric = options.metric;
  }

  /** The CloudWatch stand-in: its alarms, and `setAlarmState` to hold one in ALARM. */
  get cloudWatch(): LocalCloudWatch {
    if (this.#cloudWatch === undefined) throw new Error('the CloudWatch stand-in is not started');
    return this.#cloudWatch;
  }

  /** Alarms of the stacks that could not be read, with the reason. */
  get skipped(): readonly string[] {
    return this.#skipped;
  }

  /** The alarm's state, or undefined when it does not exist or the stand-in is not started. */
  state(alarmName: string): AlarmStateValue | undefined {
    return this.#cloudWatch?.state(alarmName);
  }

  /** Calls `listener` on every alarm state change; returns the unsubscribe function. */
  subscribe(listener: (alarmName: string, state: AlarmStateValue) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async start(context: StandInContext): Promise<RunningStandIn> {
    const cloudWatch = new LocalCloudWatch({
      clock: context.clock,
      region: context.region,
      accountId: context.accountId,
      ...(this.#metric === undefined ? {} : { metric: this.#metric }),
      emit: async (event) => {
        context.putEvent(event, 'default');
        await context.drain();
      },
    });
    this.#cloudWatch = cloudWatch;
    cloudWatch.subscribe((alarmName, state) => {
      for (const listener of this.#listeners) listener(alarmName, state);
    });
    const read = readStackAlarms(this.#files, {
      stage: context.names.stage,
      region: context.region,
      accountId: context.accountId,
      imports: this.#imports,
    });
    this.#skipped = read.skipped;
    for (const alarm of read.alarms) {
      try {
        cloudWatch.putMetricAlarm(alarm);
      } catch (error) {
        this.#skipped.push(`alarm ${alarm.AlarmName}: ${(error as Error).message}`);
      }
    }
    const endpoint = await context.listen('cloudwatch', (port) => cloudWatch.listen({ port }));
    return { endpoints: { cloudwatch: endpoint }, stop: () => cloudWatch.close() };
  }
}
