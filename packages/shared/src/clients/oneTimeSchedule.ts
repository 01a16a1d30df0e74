/** Where one-time schedules live and whom they invoke. */
export type OneTimeScheduleTarget = {
  /** The schedule group (`SCHEDULE_GROUP`). */
  groupName: string;
  /** The ARN of the function a firing invokes (`SCHEDULER_TARGET_ARN`). */
  targetArn: string;
  /** The role Scheduler assumes to invoke it (`SCHEDULER_ROLE_ARN`). */
  roleArn: string;
  /** Where Scheduler puts a firing it could not deliver (`SCHEDULER_DEAD_LETTER_ARN`). */
  deadLetterArn?: string;
};

/**
 * A `CreateScheduleCommand` / `UpdateScheduleCommand` input for a one-time schedule: a structural
 * subset of the EventBridge Scheduler SDK's input, so this package need not depend on
 * `@aws-sdk/client-scheduler`.
 */
export type OneTimeScheduleRequest = {
  Name: string;
  GroupName: string;
  Description: string;
  ScheduleExpression: string;
  ScheduleExpressionTimezone: 'UTC';
  FlexibleTimeWindow: { Mode: 'OFF' };
  ActionAfterCompletion: 'DELETE';
  State: 'ENABLED';
  Target: {
    Arn: string;
    RoleArn: string;
    Input: string;
    RetryPolicy: { MaximumEventAgeInSeconds: number; MaximumRetryAttempts: number };
    DeadLetterConfig?: { Arn: string };
  };
};

/** The two Scheduler calls arming needs, each sending its command with the service's SDK client. */
export interface ScheduleWrites {
  create(request: OneTimeScheduleRequest): Promise<unknown>;
  update(request: OneTimeScheduleRequest): Promise<unknown>;
}

/** What to arm: the schedule's name, when it fires, a description and the payload it delivers. */
export type OneTimeScheduleArming = { name: string; at: Date; description: string; payload: unknown };

/** `at(yyyy-mm-ddThh:mm:ss)` in UTC, Scheduler's one-time expression. */
export const atExpression = (at: Date): string => `at(${at.toISOString().slice(0, 19)})`;

/**
 * The request for a one-time schedule that invokes the target once with the JSON payload, retries
 * delivery for up to an hour, dead-letters what it cannot deliver (when the target names a queue)
 * and deletes itself after firing (`ActionAfterCompletion: DELETE`).
 */
export const oneTimeScheduleRequest = (
  target: OneTimeScheduleTarget,
  arming: OneTimeScheduleArming,
): OneTimeScheduleRequest => ({
  Name: arming.name,
  GroupName: target.groupName,
  Description: arming.description.slice(0, 512),
  ScheduleExpression: atExpression(arming.at),
  ScheduleExpressionTimezone: 'UTC',
  FlexibleTimeWindow: { Mode: 'OFF' },
  ActionAfterCompletion: 'DELETE',
  State: 'ENABLED',
  Target: {
    Arn: target.targetArn,
    RoleArn: target.roleArn,
    Input: JSON.stringify(arming.payload),
    RetryPolicy: { MaximumEventAgeInSeconds: 3600, MaximumRetryAttempts: 10 },
    ...(target.deadLetterArn === undefined ? {} : { DeadLetterConfig: { Arn: target.deadLetterArn } }),
  },
});

const isNamed = (error: unknown, name: string): boolean => error instanceof Error && error.name === name;

/**
 * Arms a one-time schedule: creates it, or, when it exists (`ConflictException`), updates it to
 * the new time and payload; if it vanished in between (it fired and deleted itself,
 * `ResourceNotFoundException`) it is created again. The SDK's exceptions are recognised by name.
 *
 * @throws whatever Scheduler answers otherwise
 */
export const armOneTimeSchedule = async (writes: ScheduleWrites, request: OneTimeScheduleRequest): Promise<void> => {
  try {
    await writes.create(request);
    return;
  } catch (error) {
    if (!isNamed(error, 'ConflictException')) throw error;
  }
  try {
    await writes.update(request);
  } catch (error) {
    if (!isNamed(error, 'ResourceNotFoundException')) throw error;
    await writes.create(request);
  }
};

/**
 * One-time schedules that each deliver a payload of one kind to one target: a service's
 * scheduler adapter extends it with its SDK client's {@link ScheduleWrites} and how a payload is
 * described in the schedule's `Description`.
 */
export class OneTimeScheduler<Payload> {
  readonly #writes: ScheduleWrites;
  readonly #target: OneTimeScheduleTarget;
  readonly #describe: (payload: Payload) => string;

  constructor(writes: ScheduleWrites, target: OneTimeScheduleTarget, describe: (payload: Payload) => string) {
    this.#writes = writes;
    this.#target = target;
    this.#describe = describe;
  }

  /** Arms the schedule `name` to deliver `payload` at `at`, moving it if it already exists. */
  async arm(input: { name: string; at: Date; payload: Payload }): Promise<void> {
    const request = oneTimeScheduleRequest(this.#target, { ...input, description: this.#describe(input.payload) });
    await armOneTimeSchedule(this.#writes, request);
  }
}
