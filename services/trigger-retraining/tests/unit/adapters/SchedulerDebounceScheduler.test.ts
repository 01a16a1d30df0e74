import 'aws-sdk-client-mock-jest';
import {
  ConflictException,
  CreateScheduleCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { SchedulerDebounceScheduler } from '../../../src/adapters/SchedulerDebounceScheduler.js';

const scheduler = mockClient(SchedulerClient);
const target = {
  groupName: 'fleet-trigger-retraining-test',
  targetArn: 'arn:aws:lambda:eu-west-1:123456789012:function:debounce',
  roleArn: 'arn:aws:iam::123456789012:role/scheduler',
  deadLetterArn: 'arn:aws:sqs:eu-west-1:123456789012:fleet-test-dlq',
};
const payload = {
  kind: 'debounce' as const,
  pipeline: 'churn-retrain',
  prefix: 's3://b/raw/churn/',
  armedAt: '2026-03-02T12:00:00.250Z',
};
const arm = () =>
  new SchedulerDebounceScheduler(new SchedulerClient({}), target).arm({
    name: 'debounce-churn-retrain-0123',
    at: new Date('2026-03-02T12:02:01.000Z'),
    payload,
  });
const conflict = () =>
  new ConflictException({ message: 'Schedule already exists', Message: 'Schedule already exists', $metadata: {} });

describe('SchedulerDebounceScheduler', () => {
  beforeEach(() => {
    scheduler.reset();
  });

  it('creates a one-time schedule that invokes the debounce function with the payload', async () => {
    // Prepare
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:schedule' });

    // Act
    await arm();

    // Assess
    expect(scheduler).toHaveReceivedCommandWith(CreateScheduleCommand, {
      Name: 'debounce-churn-retrain-0123',
      GroupName: target.groupName,
      ScheduleExpression: 'at(2026-03-02T12:02:01)',
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: expect.objectContaining({
        Arn: target.targetArn,
        RoleArn: target.roleArn,
        Input: JSON.stringify(payload),
        DeadLetterConfig: { Arn: target.deadLetterArn },
      }),
    });
    expect(scheduler).not.toHaveReceivedCommand(UpdateScheduleCommand);
  });

  it('moves an existing schedule when creating it conflicts', async () => {
    // Prepare
    scheduler.on(CreateScheduleCommand).rejects(conflict());
    scheduler.on(UpdateScheduleCommand).resolves({ ScheduleArn: 'arn:schedule' });

    // Act
    await arm();

    // Assess
    expect(scheduler).toHaveReceivedCommandWith(UpdateScheduleCommand, {
      Name: 'debounce-churn-retrain-0123',
      ScheduleExpression: 'at(2026-03-02T12:02:01)',
    });
  });

  it('creates the schedule again when it vanished between the conflict and the update', async () => {
    // Prepare
    scheduler.on(CreateScheduleCommand).rejectsOnce(conflict()).resolves({ ScheduleArn: 'arn:schedule' });
    scheduler
      .on(UpdateScheduleCommand)
      .rejects(new ResourceNotFoundException({ message: 'gone', Message: 'gone', $metadata: {} }));

    // Act
    await arm();

    // Assess
    expect(scheduler).toHaveReceivedCommandTimes(CreateScheduleCommand, 2);
  });

  it('rethrows any other error', async () => {
    // Prepare
    scheduler.on(CreateScheduleCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));

    // Act and assess
    await expect(arm()).rejects.toThrow('denied');
    expect(scheduler).not.toHaveReceivedCommand(UpdateScheduleCommand);
  });
});
