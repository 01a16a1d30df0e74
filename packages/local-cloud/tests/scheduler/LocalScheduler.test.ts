import {
  ConflictException,
  CreateScheduleCommand,
  type CreateScheduleCommandInput,
  DeleteScheduleCommand,
  GetScheduleCommand,
  ListSchedulesCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
  ValidationException,
} from '@aws-sdk/client-scheduler';
import { LocalClock } from '../../src/clock/index.js';
import { LocalScheduler, type ScheduleInvocation } from '../../src/scheduler/index.js';

const START = '2026-03-02T09:00:00.000Z';
const FUNCTION_ARN = 'arn:aws:lambda:eu-west-1:111122223333:function:shop-order-rollups-dev-debounce';
const ROLE_ARN = 'arn:aws:iam::111122223333:role/shop-scheduler-invoke';

describe('LocalScheduler over HTTP', () => {
  let clock: LocalClock;
  let scheduler: LocalScheduler;
  let client: SchedulerClient;
  let invoked: ScheduleInvocation[];

  beforeEach(async () => {
    clock = new LocalClock({ start: START });
    invoked = [];
    scheduler = new LocalScheduler({
      clock,
      region: 'eu-west-1',
      accountId: '111122223333',
      invoke: (target) => {
        invoked.push(target);
      },
    });
    const endpoint = await scheduler.listen();
    client = new SchedulerClient({
      endpoint,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });

  afterEach(async () => {
    client.destroy();
    await scheduler.close();
  });

  const oneTime = (overrides: Partial<CreateScheduleCommandInput> = {}): CreateScheduleCommandInput => ({
    Name: 'debounce-orders-incoming',
    ScheduleExpression: 'at(2026-03-02T09:15:00)',
    ScheduleExpressionTimezone: 'UTC',
    FlexibleTimeWindow: { Mode: 'OFF' },
    ActionAfterCompletion: 'DELETE',
    Target: { Arn: FUNCTION_ARN, RoleArn: ROLE_ARN, Input: '{"prefix":"incoming/orders/"}' },
    ...overrides,
  });

  it('creates a schedule and returns its ARN', async () => {
    // Act
    const created = await client.send(new CreateScheduleCommand(oneTime()));

    // Assess
    expect(created.ScheduleArn).toBe(
      'arn:aws:scheduler:eu-west-1:111122223333:schedule/default/debounce-orders-incoming',
    );
  });

  it('gets a schedule with the fields it was created with', async () => {
    // Prepare
    await client.send(new CreateScheduleCommand(oneTime({ Description: 'trailing-edge debounce' })));

    // Act
    const schedule = await client.send(new GetScheduleCommand({ Name: 'debounce-orders-incoming' }));

    // Assess
    expect(schedule).toMatchObject({
      Name: 'debounce-orders-incoming',
      GroupName: 'default',
      ScheduleExpression: 'at(2026-03-02T09:15:00)',
      ScheduleExpressionTimezone: 'UTC',
      State: 'ENABLED',
      ActionAfterCompletion: 'DELETE',
      Description: 'trailing-edge debounce',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: { Arn: FUNCTION_ARN, RoleArn: ROLE_ARN, Input: '{"prefix":"incoming/orders/"}' },
      CreationDate: new Date(START),
    });
  });

  it('throws ConflictException when creating a schedule whose name exists', async () => {
    // Prepare
    await client.send(new CreateScheduleCommand(oneTime()));

    // Act
    const outcome = client.send(new CreateScheduleCommand(oneTime()));

    // Assess
    await expect(outcome).rejects.toBeInstanceOf(ConflictException);
    await expect(outcome).rejects.toMatchObject({
      message: 'Schedule debounce-orders-incoming already exists.',
      $metadata: expect.objectContaining({ httpStatusCode: 409 }),
    });
  });

  it('throws ResourceNotFoundException when getting, updating or deleting an unknown schedule', async () => {
    // Act
    const outcomes = [
      client.send(new GetScheduleCommand({ Name: 'missing' })),
      client.send(new UpdateScheduleCommand({ ...oneTime(), Name: 'missing' })),
      client.send(new DeleteScheduleCommand({ Name: 'missing' })),
    ];

    // Assess
    for (const outcome of outcomes) {
      await expect(outcome).rejects.toBeInstanceOf(ResourceNotFoundException);
      await expect(outcome).rejects.toMatchObject({ message: 'Schedule missing does not exist.' });
    }
  });

  it('throws ValidationException when the name breaks the pattern', async () => {
    // Act
    const outcome = client.send(new CreateScheduleCommand(oneTime({ Name: 'debounce orders' })));

    // Assess
    await expect(outcome).rejects.toBeInstanceOf(ValidationException);
    await expect(outcome).rejects.toMatchObject({
      message: expect.stringContaining("Value 'debounce orders' at 'name' failed to satisfy constraint"),
    });
  });

  it('throws ValidationException when the target or the flexible time window is missing', async () => {
    // Act
    const outcome = client.send(
      new CreateScheduleCommand({ Name: 'n', ScheduleExpression: 'rate(5 minutes)' } as CreateScheduleCommandInput),
    );

    // Assess
    await expect(outcome).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        "2 validation errors detected: Value null at 'flexibleTimeWindow' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'target' failed to satisfy constraint: Member must not be null",
    });
  });

  it('throws ValidationException when the role ARN is not an IAM role', async () => {
    // Act
    const outcome = client.send(
      new CreateScheduleCommand(oneTime({ Target: { Arn: FUNCTION_ARN, RoleArn: 'shop-role' } })),
    );

    // Assess
    await expect(outcome).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining("at 'target.roleArn' failed to satisfy constraint"),
    });
  });

  it.each([
    ['at(2026-02-30T09:00:00)'],
    ['at(2026-03-02 09:00:00)'],
    ['rate(0 minutes)'],
    ['rate(5 weeks)'],
    ['every 5 minutes'],
  ])('throws ValidationException for the expression %s', async (expression) => {
    // Act
    const outcome = client.send(new CreateScheduleCommand(oneTime({ ScheduleExpression: expression })));

    // Assess
    await expect(outcome).rejects.toBeInstanceOf(ValidationException);
  });

  it('throws ValidationException for an unknown time zone', async () => {
    // Act
    const outcome = client.send(new CreateScheduleCommand(oneTime({ ScheduleExpressionTimezone: 'Mars/Olympus' })));

    // Assess
    await expect(outcome).rejects.toBeInstanceOf(ValidationException);
  });

  it('fires a one-time schedule exactly once when the clock reaches it, then deletes it', async () => {
    // Prepare
    await client.send(new CreateScheduleCommand(oneTime()));

    // Act
    await clock.tick('14m');
    const before = invoked.length;
    await clock.tick('1m');
    await clock.tick('1d');
    const after = client.send(new GetScheduleCommand({ Name: 'debounce-orders-incoming' }));

    // Assess
    expect(before).toBe(0);
    expect(invoked).toEqual([
      expect.objectContaining({
        arn: FUNCTION_ARN,
        input: '{"prefix":"incoming/orders/"}',
        scheduleName: 'debounce-orders-incoming',
        scheduledTime: new Date('2026-03-02T09:15:00.000Z'),
      }),
    ]);
    await expect(after).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('keeps a fired one-time schedule when ActionAfterCompletion is NONE', async () => {
    // Prepare
    await client.send(new CreateScheduleCommand(oneTime({ ActionAfterCompletion: 'NONE' })));

    // Act
    await clock.tick('1h');
    const schedule = await client.send(new GetScheduleCommand({ Name: 'debounce-orders-incoming' }));

    // Assess
    expect(invoked).toHaveLength(1);
    expect(schedule.Name).toBe('debounce-orders-incoming');
    expect(scheduler.schedule('debounce-orders-incoming')?.nextInvocation).toBeUndefined();
  });

  it('reads the at() time in ScheduleExpressionTimezone', async () => {
    // Prepare
    await client.send(
      new CreateScheduleCommand(
        oneTime({ ScheduleExpression: 'at(2026-03-02T10:30:00)', ScheduleExpressionTimezone: 'Europe/Paris' }),
      ),
    );

    // Act
    await clock.advanceTo('2026-03-02T09:29:59Z');
    const early = invoked.length;
    await clock.advanceTo('2026-03-02T09:30:00Z');

    // Assess
    expect(early).toBe(0);
    expect(invoked.map((i) => i.scheduledTime.toISOString())).toEqual(['2026-03-02T09:30:00.000Z']);
  });

  it('moves the firing time when the schedule is updated (re-armed)', async () => {
    // Prepare
    await client.send(new CreateScheduleCommand(oneTime()));
    await clock.tick('10m');

    // Act
    await client.send(new UpdateScheduleCommand(oneTime({ ScheduleExpression: 'at(2026-03-02T09:40:00)' })));
    await clock.tick('20m');
    const afterOldTime = invoked.length;
    await clock.tick('10m');

    // Assess
    expect(afterOldTime).toBe(0);
    expect(invoked.map((i) => i.scheduledTime.toISOString())).toEqual(['2026-03-02T09:40:00.000Z']);
  });

  it('never fires a deleted schedule', async () => {
    // Prepare
    await client.send(new CreateScheduleCommand(oneTime()));

    // Act
    await client.send(new DeleteScheduleCommand({ Name: 'debounce-orders-incoming' }));
    await clock.tick('1d');

    // Assess
    expect(invoked).toHaveLength(0);
    expect(scheduler.schedules()).toHaveLength(0);
  });

  it('fires a rate schedule at creation and every interval until its end date, substituting context attributes', async () => {
    // Prepare
    await client.send(
      new CreateScheduleCommand(
        oneTime({
          Name: 'drift-hourly',
          ScheduleExpression: 'rate(1 hour)',
          EndDate: new Date('2026-03-02T11:30:00Z'),
          Target: { Arn: FUNCTION_ARN, RoleArn: ROLE_ARN, Input: '{"at":"<aws.scheduler.scheduled-time>"}' },
        }),
      ),
    );

    // Act
    await clock.tick('5h');

    // Assess
    expect(invoked.map((i) => i.input)).toEqual([
      '{"at":"2026-03-02T09:00:00Z"}',
      '{"at":"2026-03-02T10:00:00Z"}',
      '{"at":"2026-03-02T11:00:00Z"}',
    ]);
    expect(scheduler.schedule('drift-hourly')).toBeUndefined();
  });

  it('does not fire a disabled schedule', async () => {
    // Prepare
    await client.send(new CreateScheduleCommand(oneTime({ State: 'DISABLED' })));

    // Act
    await clock.tick('1d');

    // Assess
    expect(invoked).toHaveLength(0);
  });

  it('lists schedules by name prefix', async () => {
    // Prepare
    await client.send(new CreateScheduleCommand(oneTime({ Name: 'debounce-a' })));
    await client.send(new CreateScheduleCommand(oneTime({ Name: 'debounce-b' })));
    await client.send(new CreateScheduleCommand(oneTime({ Name: 'other' })));

    // Act
    const listed = await client.send(new ListSchedulesCommand({ NamePrefix: 'debounce-' }));

    // Assess
    expect(listed.Schedules?.map((s) => s.Name)).toEqual(['debounce-a', 'debounce-b']);
    expect(listed.Schedules?.[0]).toMatchObject({
      GroupName: 'default',
      State: 'ENABLED',
      Target: { Arn: FUNCTION_ARN },
    });
  });

  it('throws ResourceNotFoundException for a schedule group that does not exist', async () => {
    // Act
    const outcome = client.send(new CreateScheduleCommand(oneTime({ GroupName: 'shop' })));

    // Assess
    await expect(outcome).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Schedule group shop does not exist.',
    });
  });

  it('records an invoke failure and reports it through tick', async () => {
    // Prepare
    const failing = new LocalScheduler({
      clock,
      invoke: () => {
        throw new Error('handler crashed');
      },
    });
    await failing.handle('CreateSchedule', { ...oneTime() });

    // Act
    const outcome = clock.tick('1h');

    // Assess
    await expect(outcome).rejects.toThrow('handler crashed');
    expect(failing.invocations()).toEqual([expect.objectContaining({ error: expect.any(Error) })]);
    expect(failing.schedules()).toHaveLength(0);
  });

  it('calls an invoker set after construction', async () => {
    // Prepare
    const late: string[] = [];
    scheduler.setInvoker((target) => {
      late.push(target.arn);
    });
    await client.send(new CreateScheduleCommand(oneTime()));

    // Act
    await clock.tick('1h');

    // Assess
    expect(late).toEqual([FUNCTION_ARN]);
    expect(invoked).toHaveLength(0);
  });
});
