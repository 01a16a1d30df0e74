import type { DeadLetterQueues } from '../sqs/SqsStandIn.js';
import type { LocalStandIn, RunningStandIn, StandInContext } from '../standIn/LocalStandIn.js';
import type { BusRule, ScheduledRule } from './BusRule.js';
import { LocalEventBridge } from './LocalEventBridge.js';
import { startScheduleRules, type UnfiredSchedule } from './startScheduleRules.js';

/** Options of the EventBridge stand-in: the custom bus and the rules it is given. */
export type EventBridgeStandInOptions = {
  busName: string;
  rules: readonly BusRule[];
  schedules: readonly ScheduledRule[];
  /** Where an event a target cannot be given goes, for rules with a `deadLetterQueueArn`. */
  deadLetterQueues?: DeadLetterQueues;
};

/**
 * EventBridge: the default and custom buses with their rules, the PutEvents endpoint, and the
 * schedule rules on the clock; targets run through the Lambda stand-in (`context.invoke`).
 */
export class EventBridgeStandIn implements LocalStandIn {
  readonly name = 'eventbridge';
  readonly #options: EventBridgeStandInOptions;
  #bus?: LocalEventBridge;
  #unfired: UnfiredSchedule[] = [];

  constructor(options: EventBridgeStandInOptions) {
    this.#options = options;
  }

  /** The bus: its rules and the log of every event. */
  get bus(): LocalEventBridge {
    if (this.#bus === undefined) throw new Error('the EventBridge stand-in is not started');
    return this.#bus;
  }

  /** Schedule rule expressions the clock does not fire, and why. */
  get unfiredSchedules(): readonly UnfiredSchedule[] {
    return this.#unfired;
  }

  async start(context: StandInContext): Promise<RunningStandIn> {
    let bus: LocalEventBridge | undefined;
    const endpoint = await context.listen('eventbridge', async (port) => {
      const candidate = new LocalEventBridge({
        busName: this.#options.busName,
        rules: this.#options.rules,
        schedules: this.#options.schedules,
        invoke: (target, payload, trigger) => context.invoke(target, payload, trigger),
        deadLetter: (queueArn, event, attributes) =>
          this.#options.deadLetterQueues?.send(
            queueArn,
            JSON.stringify(event),
            Object.fromEntries(
              Object.entries(attributes).map(([name, value]) => [name, { DataType: 'String', StringValue: value }]),
            ),
          ),
        region: context.region,
        accountId: context.accountId,
        // Date follows the clock while the cloud runs, so event times and records are clock times.
        now: () => new Date(),
        port,
      });
      await candidate.start();
      bus = candidate;
      return candidate.endpoint;
    });
    this.#bus = bus;
    const running = bus as LocalEventBridge;
    const schedules = startScheduleRules(this.#options.schedules, context.clock, async (rule, at) => {
      running.fireScheduleIfEnabled(rule, at);
      await context.drain();
    });
    this.#unfired = schedules.unfired;
    return {
      endpoints: { eventbridge: endpoint },
      stop: async () => {
        schedules.stop();
        await running.stop();
      },
    };
  }
}
