import {
  ConflictException,
  CreateScheduleCommand,
  type CreateScheduleCommandInput,
  ResourceNotFoundException,
  type SchedulerClient,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import type { DebounceFire, DebounceScheduler } from '../app/ports.js';

/** Where debounce schedules live and whom they invoke. */
export type SchedulerTarget = {
  /** The schedule group (`SCHEDULE_GROUP`). */
  groupName: string;
  /** The debounce function's ARN (`SCHEDULER_TARGET_ARN`). */
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
 * One-time EventBridge Scheduler schedules that end debounce windows.
 *
 * Arming creates the schedule, or, when it exists (ConflictException), updates it to the new
 * time and payload; if it vanished in between (it fired and deleted itself) it is created
 * again. A fired schedule deletes itself (`ActionAfterCompletion: DELETE`), so the group holds
 * only windows still open.
 */
export class SchedulerDebounceScheduler implements DebounceScheduler {
  readonly #client: SchedulerClient;
  readonly #target: SchedulerTarget;

  constructor(client: SchedulerClient, target: SchedulerTarget) {
    this.#client = client;
    this.#target = target;
  }

  async arm(input: { name: string; at: Date; payload: DebounceFire }): Promise<void> {
    const request: CreateScheduleCommandInput = {
      Name: input.name,
      GroupName: this.#target.groupName,
      Description: `debounce ${input.payload.pipeline} ${input.payload.prefix}`.slice(0, 512),
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
