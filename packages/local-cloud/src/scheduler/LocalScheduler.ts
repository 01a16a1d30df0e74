import { randomUUID } from 'node:crypto';
import { AWS_DEFAULTS } from '../aws/awsDefaults.js';
import type { ClockTimer, LocalClock } from '../clock/LocalClock.js';
import { eventTime } from '../eventbridge/LocalEvent.js';
import { AwsServiceError } from '../http/AwsServiceError.js';
import { checkShape, type StructureShape, validationMessage } from '../http/checkShape.js';
import { paginate } from '../http/paginate.js';
import { StandInServer } from '../http/StandInServer.js';
import { parseScheduleExpression, type ScheduleExpression } from './parseScheduleExpression.js';
import { schedulerHttpHandler } from './schedulerHttpHandler.js';
import {
  CreateScheduleInput,
  DeleteScheduleInput,
  GetScheduleInput,
  ListScheduleGroupsInput,
  ListSchedulesInput,
  ScheduleGroupInput,
  UpdateScheduleInput,
} from './schedulerShapes.js';
import { isTimeZone, zonedTimeToUtc } from './zonedTimeToUtc.js';

/** What a firing schedule hands to `invoke`: the target and the context of this invocation. */
export type ScheduleInvocation = {
  /** The target ARN, e.g. a Lambda function ARN. */
  arn: string;
  /** The target's Input with the `<aws.scheduler.*>` context attributes replaced; undefined when none was set. */
  input?: string;
  roleArn: string;
  scheduleArn: string;
  scheduleName: string;
  groupName: string;
  /** The time the schedule was due (the clock's time when it fired). */
  scheduledTime: Date;
  executionId: string;
};

/** An invocation as recorded by the stand-in, with the error `invoke` threw, if any. */
export type ScheduleInvocationRecord = ScheduleInvocation & { error?: unknown };

/** A snapshot of one schedule. */
export type LocalSchedule = {
  name: string;
  groupName: string;
  arn: string;
  scheduleExpression: string;
  scheduleExpressionTimezone?: string;
  state: 'ENABLED' | 'DISABLED';
  actionAfterCompletion: 'NONE' | 'DELETE';
  target: { arn: string; roleArn: string; input?: string };
  /** When it fires next, or undefined when disabled or completed. */
  nextInvocation?: Date;
  creationDate: Date;
  lastModificationDate: Date;
};

/** Options of the EventBridge Scheduler stand-in. */
export type LocalSchedulerOptions = {
  /** Fires the schedules. */
  clock: LocalClock;
  /**
   * Called when a schedule fires (e.g. maps the Lambda ARN to a handler and runs it); awaited.
   * Default: none (the invocation is only recorded); `setInvoker` sets it later.
   */
  invoke?: (target: ScheduleInvocation) => unknown;
  /**
   * Called when `invoke` throws. Default: none, and the error reaches the `tick` that fired the
   * schedule (as a ClockCallbackError). Either way the invocation counts as done, as after
   * AWS's retries run out, and the error is kept in `invocations()`.
   */
  onInvokeError?: (error: unknown, target: ScheduleInvocation) => void;
  /** Default `process.env.AWS_REGION`, else `AWS_DEFAULTS.region`. */
  region?: string;
  /** Default `AWS_DEFAULTS.accountId`. */
  accountId?: string;
};

type Json = Record<string, unknown>;

type Target = { Arn: string; RoleArn: string; Input?: string } & Json;

type ScheduleState = {
  name: string;
  groupName: string;
  arn: string;
  expression: string;
  parsed: ScheduleExpression;
  timezone?: string;
  startMs?: number;
  endMs?: number;
  description?: string;
  state: 'ENABLED' | 'DISABLED';
  kmsKeyArn?: string;
  clientToken?: string;
  actionAfterCompletion: 'NONE' | 'DELETE';
  flexibleTimeWindow: Json;
  target: Target;
  createdMs: number;
  modifiedMs: number;
  timer?: ClockTimer;
};

type GroupState = { name: string; arn: string; createdMs: number; modifiedMs: number };

const SHAPES: Record<string, StructureShape> = {
  CreateSchedule: CreateScheduleInput,
  UpdateSchedule: UpdateScheduleInput,
  GetSchedule: GetScheduleInput,
  DeleteSchedule: DeleteScheduleInput,
  ListSchedules: ListSchedulesInput,
  CreateScheduleGroup: ScheduleGroupInput,
  GetScheduleGroup: ScheduleGroupInput,
  DeleteScheduleGroup: ScheduleGroupInput,
  ListScheduleGroups: ListScheduleGroupsInput,
};

const DEFAULT_RETRY_POLICY = { MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 185 };
const JSON_INPUT_TARGET = /^arn:aws[a-z-]*:(lambda|states|events):/;

const seconds = (ms: number | undefined): number | undefined => (ms === undefined ? undefined : ms / 1000);
const validationError = (message: string) => new AwsServiceError('ValidationException', message, 400);

/**
 * A wire-compatible stand-in for Amazon EventBridge Scheduler, fired by the LocalClock.
 *
 * Serves CreateSchedule, UpdateSchedule, GetSchedule, DeleteSchedule and ListSchedules (plus
 * Create/Get/Delete/ListScheduleGroup(s)) over restJson1 (`listen()`), validating requests against the
 * API model and answering with Scheduler's error shapes (`ValidationException`,
 * `ConflictException`, `ResourceNotFoundException`). One-time `at()` schedules fire once at
 * their time in `ScheduleExpressionTimezone` (a time already past fires on the next tick);
 * `rate()` schedules fire at StartDate (or at creation) and every interval until EndDate.
 * Firing calls `invoke` with the target, then, for a completed schedule with
 * `ActionAfterCompletion: DELETE`, deletes it. `cron()` expressions are accepted and stored but
 * never fire here.
 */
export class LocalScheduler {
  readonly region: string;
  readonly accountId: string;
  readonly #clock: LocalClock;
  #invoke?: (target: ScheduleInvocation) => unknown;
  readonly #onInvokeError?: (error: unknown, target: ScheduleInvocation) => void;
  readonly #schedules = new Map<string, ScheduleState>();
  readonly #groups = new Map<string, GroupState>();
  readonly #invocations: ScheduleInvocationRecord[] = [];
  readonly #server = new StandInServer(schedulerHttpHandler(this));

  constructor(options: LocalSchedulerOptions) {
    this.#clock = options.clock;
    this.#invoke = options.invoke;
    this.#onInvokeError = options.onInvokeError;
    this.region = options.region ?? process.env.AWS_REGION ?? AWS_DEFAULTS.region;
    this.accountId = options.accountId ?? AWS_DEFAULTS.accountId;
    this.#addGroup('default');
  }

  /** Starts serving the API on a loopback port (0: any free one); resolves to the endpoint URL. */
  listen(options: { port?: number } = {}): Promise<string> {
    return this.#server.listen(options);
  }

  /** The endpoint URL while listening (for `AWS_ENDPOINT_URL_SCHEDULER`), else undefined. */
  get endpoint(): string | undefined {
    return this.#server.endpoint;
  }

  /** Stops serving; schedules stay on the clock. */
  close(): Promise<void> {
    return this.#server.close();
  }

  /** Sets (or replaces) what a firing schedule calls, for wiring done after construction. */
  setInvoker(invoke: ((target: ScheduleInvocation) => unknown) | undefined): void {
    this.#invoke = invoke;
  }

  /** Snapshots of the schedules, sorted by group then name, optionally of one group. */
  schedules(filter: { groupName?: string } = {}): LocalSchedule[] {
    return [...this.#schedules.values()]
      .filter((s) => filter.groupName === undefined || s.groupName === filter.groupName)
      .sort((a, b) => a.groupName.localeCompare(b.groupName) || a.name.localeCompare(b.name))
      .map((s) => this.#snapshot(s));
  }

  /** A snapshot of one schedule, or undefined. */
  schedule(name: string, groupName = 'default'): LocalSchedule | undefined {
    const state = this.#schedules.get(`${groupName}/${name}`);
    return state && this.#snapshot(state);
  }

  /** Every invocation so far, in firing order. */
  invocations(): ScheduleInvocationRecord[] {
    return this.#invocations.map((record) => ({ ...record }));
  }

  /**
   * Runs one API operation on its input (path, query and body members merged); what the HTTP layer calls.
   *
   * @throws AwsServiceError with Scheduler's error code for invalid requests, conflicts or unknown resources.
   */
  async handle(operation: string, input: Json): Promise<Json> {
    const shape = SHAPES[operation];
    if (!shape) throw new AwsServiceError('UnknownOperationException', `Unknown operation ${operation}`, 404);
    const check = checkShape(shape, input);
    if (check.typeError) throw new AwsServiceError('SerializationException', check.typeError, 400);
    if (check.violations.length > 0) throw validationError(validationMessage(check.violations));
    switch (operation) {
      case 'CreateSchedule':
        return this.#create(input);
      case 'UpdateSchedule':
        return this.#update(input);
      case 'GetSchedule':
        return this.#get(this.#require(input));
      case 'DeleteSchedule':
        this.#delete(this.#require(input));
        return {};
      case 'ListSchedules':
        return this.#list(input);
      case 'CreateScheduleGroup':
        return this.#createGroup(input.Name as string);
      case 'GetScheduleGroup':
        return this.#getGroup(input.Name as string);
      case 'ListScheduleGroups':
        return this.#listGroups(input);
      default:
        return this.#deleteGroup(input.Name as string);
    }
  }

  #addGroup(name: string): GroupState {
    const now = this.#clock.nowMs();
    const group = {
      name,
      arn: `arn:aws:scheduler:${this.region}:${this.accountId}:schedule-group/${name}`,
      createdMs: now,
      modifiedMs: now,
    };
    this.#groups.set(name, group);
    return group;
  }

  #requireGroup(name: string): GroupState {
    const group = this.#groups.get(name);
    if (!group) throw new AwsServiceError('ResourceNotFoundException', `Schedule group ${name} does not exist.`, 404);
    return group;
  }

  #require(input: Json): ScheduleState {
    const groupName = (input.GroupName as string | undefined) ?? 'default';
    this.#requireGroup(groupName);
    const schedule = this.#schedules.get(`${groupName}/${input.Name as string}`);
    if (!schedule) {
      throw new AwsServiceError('ResourceNotFoundException', `Schedule ${input.Name as string} does not exist.`, 404);
    }
    return schedule;
  }

  #build(input: Json, previous?: ScheduleState): ScheduleState {
    const groupName = (input.GroupName as string | undefined) ?? 'default';
    const name = input.Name as string;
    const expression = input.ScheduleExpression as string;
    const parsed = parseScheduleExpression(expression);
    if ('problem' in parsed) throw validationError(parsed.problem);
    const timezone = input.ScheduleExpressionTimezone as string | undefined;
    if (timezone !== undefined && !isTimeZone(timezone)) throw validationError(`Invalid time zone ${timezone}.`);
    const startMs = input.StartDate === undefined ? undefined : (input.StartDate as number) * 1000;
    const endMs = input.EndDate === undefined ? undefined : (input.EndDate as number) * 1000;
    const now = this.#clock.nowMs();
    if (endMs !== undefined && endMs <= now) throw validationError('The EndDate must be in the future.');
    if (startMs !== undefined && endMs !== undefined && startMs >= endMs) {
      throw validationError('The StartDate must come before the EndDate.');
    }
    const window = input.FlexibleTimeWindow as Json;
    if (window.Mode === 'FLEXIBLE' && window.MaximumWindowInMinutes === undefined) {
      throw validationError('MaximumWindowInMinutes must be set when FlexibleTimeWindow Mode is FLEXIBLE.');
    }
    const target = input.Target as Target;
    if (target.Input !== undefined && JSON_INPUT_TARGET.test(target.Arn)) {
      try {
        JSON.parse(target.Input);
      } catch {
        throw validationError(`Target Input must be well-formed JSON for the target ${target.Arn}.`);
      }
    }
    return {
      name,
      groupName,
      arn: `arn:aws:scheduler:${this.region}:${this.accountId}:schedule/${groupName}/${name}`,
      expression,
      parsed,
      timezone,
      startMs,
      endMs,
      description: input.Description as string | undefined,
      state: (input.State as 'ENABLED' | 'DISABLED' | undefined) ?? 'ENABLED',
      kmsKeyArn: input.KmsKeyArn as string | undefined,
      clientToken: (input.ClientToken as string | undefined) ?? previous?.clientToken,
      actionAfterCompletion: (input.ActionAfterCompletion as 'NONE' | 'DELETE' | undefined) ?? 'NONE',
      flexibleTimeWindow: { ...window },
      target: { ...target, RetryPolicy: target.RetryPolicy ?? DEFAULT_RETRY_POLICY },
      createdMs: previous?.createdMs ?? now,
      modifiedMs: now,
    };
  }

  #create(input: Json): Json {
    const groupName = (input.GroupName as string | undefined) ?? 'default';
    this.#requireGroup(groupName);
    const key = `${groupName}/${input.Name as string}`;
    const existing = this.#schedules.get(key);
    if (existing) {
      if (input.ClientToken !== undefined && existing.clientToken === input.ClientToken) {
        return { ScheduleArn: existing.arn };
      }
      throw new AwsServiceError('ConflictException', `Schedule ${input.Name as string} already exists.`, 409);
    }
    const schedule = this.#build(input);
    this.#schedules.set(key, schedule);
    this.#plan(schedule, this.#firstDue(schedule));
    return { ScheduleArn: schedule.arn };
  }

  #update(input: Json): Json {
    const previous = this.#require(input);
    const schedule = this.#build(input, previous);
    previous.timer?.cancel();
    this.#schedules.set(`${schedule.groupName}/${schedule.name}`, schedule);
    this.#plan(schedule, this.#firstDue(schedule));
    return { ScheduleArn: schedule.arn };
  }

  #delete(schedule: ScheduleState): void {
    schedule.timer?.cancel();
    schedule.timer = undefined;
    if (this.#schedules.get(`${schedule.groupName}/${schedule.name}`) === schedule) {
      this.#schedules.delete(`${schedule.groupName}/${schedule.name}`);
    }
  }

  #get(s: ScheduleState): Json {
    return {
      Arn: s.arn,
      GroupName: s.groupName,
      Name: s.name,
      ScheduleExpression: s.expression,
      StartDate: seconds(s.startMs),
      EndDate: seconds(s.endMs),
      Description: s.description,
      ScheduleExpressionTimezone: s.timezone,
      State: s.state,
      CreationDate: seconds(s.createdMs),
      LastModificationDate: seconds(s.modifiedMs),
      KmsKeyArn: s.kmsKeyArn,
      Target: s.target,
      FlexibleTimeWindow: s.flexibleTimeWindow,
      ActionAfterCompletion: s.actionAfterCompletion,
    };
  }

  #list(input: Json): Json {
    const groupName = input.GroupName as string | undefined;
    if (groupName !== undefined) this.#requireGroup(groupName);
    const prefix = input.NamePrefix as string | undefined;
    const matching = [...this.#schedules.values()]
      .filter(
        (s) =>
          (groupName === undefined || s.groupName === groupName) &&
          (prefix === undefined || s.name.startsWith(prefix)) &&
          (input.State === undefined || s.state === input.State),
      )
      .sort((a, b) => a.groupName.localeCompare(b.groupName) || a.name.localeCompare(b.name));
    const page = paginate(matching, input, 100);
    return {
      Schedules: page.items.map((s) => ({
        Arn: s.arn,
        Name: s.name,
        GroupName: s.groupName,
        State: s.state,
        CreationDate: seconds(s.createdMs),
        LastModificationDate: seconds(s.modifiedMs),
        Target: { Arn: s.target.Arn },
      })),
      NextToken: page.nextToken,
    };
  }

  #createGroup(name: string): Json {
    if (this.#groups.has(name)) {
      throw new AwsServiceError('ConflictException', `Schedule group ${name} already exists.`, 409);
    }
    return { ScheduleGroupArn: this.#addGroup(name).arn };
  }

  #getGroup(name: string): Json {
    const group = this.#requireGroup(name);
    return {
      Arn: group.arn,
      Name: group.name,
      State: 'ACTIVE',
      CreationDate: seconds(group.createdMs),
      LastModificationDate: seconds(group.modifiedMs),
    };
  }

  #listGroups(input: Json): Json {
    const prefix = input.NamePrefix as string | undefined;
    const matching = [...this.#groups.values()]
      .filter((group) => prefix === undefined || group.name.startsWith(prefix))
      .sort((a, b) => a.name.localeCompare(b.name));
    const page = paginate(matching, input, 100);
    return {
      ScheduleGroups: page.items.map((group) => ({
        Arn: group.arn,
        Name: group.name,
        State: 'ACTIVE',
        CreationDate: seconds(group.createdMs),
        LastModificationDate: seconds(group.modifiedMs),
      })),
      NextToken: page.nextToken,
    };
  }

  #deleteGroup(name: string): Json {
    this.#requireGroup(name);
    if (name === 'default') throw validationError('The default schedule group cannot be deleted.');
    for (const schedule of [...this.#schedules.values()]) {
      if (schedule.groupName === name) this.#delete(schedule);
    }
    this.#groups.delete(name);
    return {};
  }

  /** When an enabled schedule is first due, or undefined when it never fires here. */
  #firstDue(s: ScheduleState): number | undefined {
    if (s.state !== 'ENABLED') return undefined;
    const now = this.#clock.nowMs();
    switch (s.parsed.kind) {
      case 'at':
        return zonedTimeToUtc(s.parsed.local, s.timezone ?? 'UTC');
      case 'rate': {
        const { intervalMs } = s.parsed;
        let due = s.startMs ?? now;
        if (due < now) due += Math.ceil((now - due) / intervalMs) * intervalMs;
        return s.endMs !== undefined && due >= s.endMs ? undefined : due;
      }
      default:
        return undefined;
    }
  }

  #plan(s: ScheduleState, dueMs: number | undefined): void {
    s.timer =
      dueMs === undefined ? undefined : this.#clock.at(dueMs, () => this.#fire(s), { label: `schedule ${s.arn}` });
  }

  async #fire(s: ScheduleState): Promise<void> {
    s.timer = undefined;
    const firedMs = this.#clock.nowMs();
    const executionId = randomUUID();
    const input = s.target.Input?.replaceAll('<aws.scheduler.schedule-arn>', s.arn)
      .replaceAll('<aws.scheduler.scheduled-time>', eventTime(firedMs))
      .replaceAll('<aws.scheduler.execution-id>', executionId)
      .replaceAll('<aws.scheduler.attempt-number>', '1');
    const invocation: ScheduleInvocation = {
      arn: s.target.Arn,
      input,
      roleArn: s.target.RoleArn,
      scheduleArn: s.arn,
      scheduleName: s.name,
      groupName: s.groupName,
      scheduledTime: new Date(firedMs),
      executionId,
    };
    const record: ScheduleInvocationRecord = { ...invocation };
    this.#invocations.push(record);

    // Plan the next occurrence (or complete) before invoking, so a target that updates or
    // deletes its own schedule sees the state AWS would show.
    const next = s.parsed.kind === 'rate' ? firedMs + s.parsed.intervalMs : undefined;
    const completed = next === undefined || (s.endMs !== undefined && next >= s.endMs);
    if (completed) {
      if (s.actionAfterCompletion === 'DELETE') this.#delete(s);
    } else {
      this.#plan(s, next);
    }

    try {
      await this.#invoke?.(invocation);
    } catch (error) {
      record.error = error;
      if (!this.#onInvokeError) throw error;
      this.#onInvokeError(error, invocation);
    }
  }

  #snapshot(s: ScheduleState): LocalSchedule {
    return {
      name: s.name,
      groupName: s.groupName,
      arn: s.arn,
      scheduleExpression: s.expression,
      scheduleExpressionTimezone: s.timezone,
      state: s.state,
      actionAfterCompletion: s.actionAfterCompletion,
      target: { arn: s.target.Arn, roleArn: s.target.RoleArn, input: s.target.Input },
      nextInvocation: s.timer?.at,
      creationDate: new Date(s.createdMs),
      lastModificationDate: new Date(s.modifiedMs),
    };
  }
}
