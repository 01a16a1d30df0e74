import { CreateScheduleCommand, type SchedulerClient, UpdateScheduleCommand } from '@aws-sdk/client-scheduler';
import { OneTimeScheduler, type OneTimeScheduleTarget } from '@fleet/shared';
import type { DebounceFire, DebounceScheduler } from '../app/ports.js';

/**
 * One-time EventBridge Scheduler schedules that end debounce windows.
 *
 * Arming creates the schedule, or moves it to the new time and payload when it exists, or
 * creates it again if it vanished in between (`armOneTimeSchedule` in `@fleet/shared`). A fired
 * schedule deletes itself, so the group holds only windows still open.
 */
export class SchedulerDebounceScheduler extends OneTimeScheduler<DebounceFire> implements DebounceScheduler {
  constructor(client: SchedulerClient, target: OneTimeScheduleTarget) {
    const create = (request: CreateScheduleCommand['input']) => client.send(new CreateScheduleCommand(request));
    const update = (request: UpdateScheduleCommand['input']) => client.send(new UpdateScheduleCommand(request));
    super({ create, update }, target, (payload) => `debounce ${payload.pipeline} ${payload.prefix}`);
  }
}
