import {
  ConflictException,
  CreateScheduleCommand,
  type CreateScheduleCommandInput,
  ResourceNotFoundException,
  type SchedulerClient,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import type { DigestFire, DigestScheduler } from '../app/ports.js';

/** Where digest schedules live and whom they invoke. */
export type SchedulerTarget = {
  /** The schedule group (`SCHEDULE_GROUP`). */
  groupName: string;
  /** The digest function's ARN (`SCHEDULER_TARGET_ARN`). */
  targetArn: string;
  /** The role Scheduler assumes to invoke it (`SCHEDULER_ROLE_ARN`). */
  roleArn: string;
  /** Where Scheduler puts a firing it could not deliver (`SCHEDULER_DEAD_LETTER_ARN`). */
  deadLetterArn?: string;
};

const isError = (error: unknown, type: { new (...args: never[]): Error }, name: string): boolean =>
  error instanceof type || (error instanceof Error && error.name === name);

/** `at(yyyy-mm-ddThh:mm:ss)` in UTC, Scheduler's one-time expression. */
export const atExpression = (at: Date): string => `at(${at.toISOString().slice(0, 19)})`;

/**
 * One-time EventBridge Scheduler schedules that close digest windows, as trigger-retraining's
 * debounce arms its windows: create, or update when the channel's schedule still exists
 * (ConflictException), or create again if it vanished in between. A fired schedule deletes itself.
 */
export class SchedulerDigestScheduler implements DigestScheduler {
  readonly #client: SchedulerClient;
  readonly #target: SchedulerTarget;

  constructor(client: SchedulerClient, target: SchedulerTarget) {
    this.#client = client;
    this.#target = target;
  }

  async arm(input: { name: string; at: Date; payload: DigestFire }): Promise<void> {
    const request: CreateScheduleCommandInput = {
      Name: input.name,
      GroupName: this.#target.groupName,
      Description: `digest of Slack channel ${input.payload.channel}`.slice(0, 512),
      ScheduleExpression: atExpression(input.at),
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      State: 'ENABLED',
      Target: {
        Arn: this.#target.targetArn,
        RoleArn: this.#target.roleArn,
        Input: JSON.stringify(input.payload),
        RetryPolicy: { MaximumEventAgeInSeconds: 3600, MaximumRetryAttempts: 10 },
        ...(this.#target.deadLetterArn === undefined ? {} : { DeadLetterConfig: { Arn: this.#target.deadLetterArn } }),
      },
    };
    try {
      await this.#client.send(new CreateScheduleCommand(request));
      return;
    } catch (error) {
      if (!isError(error, ConflictException, 'ConflictException')) throw error;
    }
    try {
      await this.#client.send(new UpdateScheduleCommand(request));
    } catch (error) {
      if (!isError(error, ResourceNotFoundException, 'ResourceNotFoundException')) throw error;
      await this.#client.send(new CreateScheduleCommand(request));
    }
  }
}
