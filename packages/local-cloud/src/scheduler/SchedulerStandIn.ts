import type { LocalStandIn, RunningStandIn, StandInContext } from '../standIn/LocalStandIn.js';
import { LocalScheduler } from './LocalScheduler.js';

/**
 * EventBridge Scheduler on the clock, with the schedule groups the stacks declare; a schedule
 * that fires invokes its Lambda target through `context.invoke`.
 */
export class SchedulerStandIn implements LocalStandIn {
  readonly name = 'scheduler';
  readonly #groups: readonly string[];
  #scheduler?: LocalScheduler;

  constructor(options: { scheduleGroups: readonly string[] }) {
    this.#groups = options.scheduleGroups;
  }

  /** The Scheduler: its schedules and the invocations they made. */
  get scheduler(): LocalScheduler {
    if (this.#scheduler === undefined) throw new Error('the Scheduler stand-in is not started');
    return this.#scheduler;
  }

  async start(context: StandInContext): Promise<RunningStandIn> {
    const scheduler = new LocalScheduler({
      clock: context.clock,
      region: context.region,
      accountId: context.accountId,
      invoke: async (invocation) => {
        context.invoke(invocation.arn, invocation.input === undefined ? {} : JSON.parse(invocation.input), {
          kind: 'schedule',
          ruleName: invocation.scheduleName,
        });
        await context.drain();
      },
      // A target that cannot be invoked stays in `invocations()` with its error (and the demo shows
      // it), as a failed delivery stays in Scheduler's metrics; it is not thrown into `tick`.
      onInvokeError: () => undefined,
    });
    this.#scheduler = scheduler;
    for (const name of this.#groups) await scheduler.handle('CreateScheduleGroup', { Name: name });
    const endpoint = await context.listen('scheduler', (port) => scheduler.listen({ port }));
    return { endpoints: { scheduler: endpoint }, stop: () => scheduler.close() };
  }
}
