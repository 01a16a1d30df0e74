import 'aws-sdk-client-mock-jest';
import {
  ConflictException,
  CreateScheduleCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { SchedulerDigestScheduler } from '../../../src/adapters/SchedulerDigestScheduler.js';

const scheduler = mockClient(SchedulerClient);
const target = {
  groupName: 'fleet-notify-test',
  targetArn: 'arn:aws:lambda:eu-west-1:123456789012:function:fleet-notify-test-digestFire',
  roleArn: 'arn:aws:iam::123456789012:role/fleet-notify-test-scheduler',
  deadLetterArn: 'arn:aws:sqs:eu-west-1:123456789012:fleet-test-dlq',
};
const arming = {
  name: 'digest-C0CHURN-0123456789abcdef',
  at: new Date('2026-03-02T12:00:30.000Z'),
  payload: { kind: 'digest' as const, channel: 'C0CHURN', windowId: 'w1' },
};
const conflict = () => new ConflictException({ message: 'exists', Message: 'exists', $metadata: {} });

beforeEach(() => {
  scheduler.reset();
});

describe('SchedulerDigestScheduler', () => {
  it('creates a one-time schedule that deletes itself and dead-letters what it cannot deliver', async () => {
    // Prepare
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:schedule' });

    // Act
    await new SchedulerDigestScheduler(new SchedulerClient({}), target).arm(arming);

    // Assess
    expect(scheduler).toHaveReceivedCommandWith(CreateScheduleCommand, {
      Name: arming.name,
      GroupName: 'fleet-notify-test',
      ScheduleExpression: 'at(2026-03-02T12:00:30)',
      ScheduleExpressionTimezone: 'UTC',
      ActionAfterCompletion: 'DELETE',
      Target: expect.objectContaining({
        Arn: target.targetArn,
        RoleArn: target.roleArn,
        Input: JSON.stringify(arming.payload),
        DeadLetterConfig: { Arn: target.deadLetterArn },
      }),
    });
  });

  it('moves the channel schedule when it exists, and creates it again when it vanished meanwhile', async () => {
    // Prepare
    scheduler.on(CreateScheduleCommand).rejectsOnce(conflict()).resolves({ ScheduleArn: 'arn:schedule' });
    scheduler
      .on(UpdateScheduleCommand)
      .rejects(new ResourceNotFoundException({ message: 'gone', Message: 'gone', $metadata: {} }));

    // Act
    await new SchedulerDigestScheduler(new SchedulerClient({}), target).arm(arming);

    // Assess
    expect(scheduler).toHaveReceivedCommandTimes(UpdateScheduleCommand, 1);
    expect(scheduler).toHaveReceivedCommandTimes(CreateScheduleCommand, 2);
  });

  it('throws what Scheduler refuses otherwise', async () => {
    // Prepare
    scheduler.on(CreateScheduleCommand).rejects(new Error('AccessDenied'));

    // Act
    const arming1 = new SchedulerDigestScheduler(new SchedulerClient({}), target).arm(arming);

    // Assess
    await expect(arming1).rejects.toThrow('AccessDenied');
  });
});
