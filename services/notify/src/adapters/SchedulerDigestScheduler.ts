import { CreateScheduleCommand, type SchedulerClient, UpdateScheduleCommand } from '@aws-sdk/client-scheduler';
import { OneTimeScheduler, type OneTimeScheduleTarget } from '@fleet/shared';
import type { DigestFire, DigestScheduler } from '../app/ports.js';

/**
 * One-time EventBridge Scheduler schedules that close digest windows, as trigger-retraining's
 * debounce arms its windows: create, or update when the channel's schedule still exists, or
 * create again if it vanished in between (`armOneTimeSchedule` in `@fleet/shared`). A fired
 * schedule deletes itself.
 */
export class SchedulerDigestScheduler extends OneTimeScheduler<DigestFire> implements DigestScheduler {
  constructor(client: SchedulerClient, target: OneTimeScheduleTarget) {
    const create = (request: CreateScheduleCommand['input']) => client.send(new CreateScheduleCommand(request));
    const update = (request: UpdateScheduleCommand['input']) => client.send(new UpdateScheduleCommand(request));
    super({ create, update }, target, (payload) => `digest of Slack channel ${payload.channel}`);
  }
}
