import { CreateScheduleGroupCommand, ListScheduleGroupsCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { LocalClock } from '../../src/clock/index.js';
import { LocalScheduler } from '../../src/scheduler/index.js';

const START = '2026-03-02T09:00:00.000Z';

describe('LocalScheduler ListScheduleGroups over HTTP', () => {
  let scheduler: LocalScheduler;
  let client: SchedulerClient;

  beforeEach(async () => {
    scheduler = new LocalScheduler({
      clock: new LocalClock({ start: START }),
      region: 'eu-west-1',
      accountId: '111122223333',
    });
    client = new SchedulerClient({
      endpoint: await scheduler.listen(),
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await client.send(new CreateScheduleGroupCommand({ Name: 'fleet-trigger-retraining-local' }));
    await client.send(new CreateScheduleGroupCommand({ Name: 'fleet-notify-local' }));
  });

  afterEach(async () => {
    client.destroy();
    await scheduler.close();
  });

  it('lists the default group and every created group, by name, as ACTIVE', async () => {
    // Act
    const output = await client.send(new ListScheduleGroupsCommand({}));

    // Assess
    expect(output.ScheduleGroups?.map((group) => group.Name)).toEqual([
      'default',
      'fleet-notify-local',
      'fleet-trigger-retraining-local',
    ]);
    expect(output.ScheduleGroups?.[2]).toMatchObject({
      Arn: 'arn:aws:scheduler:eu-west-1:111122223333:schedule-group/fleet-trigger-retraining-local',
      State: 'ACTIVE',
      CreationDate: new Date(START),
    });
  });

  it('filters by NamePrefix and pages with MaxResults and NextToken', async () => {
    // Act
    const first = await client.send(new ListScheduleGroupsCommand({ NamePrefix: 'fleet-', MaxResults: 1 }));
    const second = await client.send(
      new ListScheduleGroupsCommand({ NamePrefix: 'fleet-', MaxResults: 1, NextToken: first.NextToken }),
    );

    // Assess
    expect(first.ScheduleGroups?.map((group) => group.Name)).toEqual(['fleet-notify-local']);
    expect(second.ScheduleGroups?.map((group) => group.Name)).toEqual(['fleet-trigger-retraining-local']);
    expect(second.NextToken).toBeUndefined();
  });

  it('throws ValidationException when MaxResults is out of range', async () => {
    // Act
    const listing = client.send(new ListScheduleGroupsCommand({ MaxResults: 500 }));

    // Assess
    await expect(listing).rejects.toMatchObject({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
  });
});
