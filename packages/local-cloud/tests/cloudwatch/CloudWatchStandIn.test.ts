import path from 'node:path';
import { CloudWatchClient, DescribeAlarmsCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { LocalCloud } from '../../src/LocalCloud.js';

const rootDir = path.join(__dirname, '..', 'fixtures', 'stacks');
const ALARM = 'shop-serving-local-orders-AllTraffic-Invocation5XXErrors';

describe('the CloudWatch stand-in in the local cloud', () => {
  let cloud: LocalCloud;
  let client: CloudWatchClient;

  beforeEach(async () => {
    cloud = await LocalCloud.start({ rootDir, serviceDirs: [path.join(__dirname, 'fixtures', 'alarms')] });
    client = new CloudWatchClient({});
  });

  afterEach(async () => {
    client.destroy();
    await cloud.stop();
  });

  it("creates the stacks' alarms and serves them to an unchanged SDK client", async () => {
    // Act
    const described = await client.send(new DescribeAlarmsCommand({}));

    // Assess
    expect(process.env.AWS_ENDPOINT_URL_CLOUDWATCH).toBe(cloud.endpoints.cloudwatch);
    expect(described.MetricAlarms?.map((alarm) => alarm.AlarmName)).toEqual(['shop-local-dead-letters', ALARM]);
    expect(described.MetricAlarms?.[1]).toMatchObject({
      StateValue: 'INSUFFICIENT_DATA',
      AlarmActions: ['arn:aws:sns:eu-west-1:123456789012:shop-local-alarms'],
    });
  });

  it('puts a CloudWatch Alarm State Change event on the default bus when an alarm changes', async () => {
    // Act
    await client.send(new SetAlarmStateCommand({ AlarmName: ALARM, StateValue: 'ALARM', StateReason: 'errors' }));
    await cloud.settle();

    // Assess
    const alarmEvents = cloud.events().filter((entry) => entry.event.source === 'aws.cloudwatch');
    expect(alarmEvents).toHaveLength(1);
    expect(alarmEvents[0]).toMatchObject({
      bus: 'default',
      event: {
        'detail-type': 'CloudWatch Alarm State Change',
        detail: { alarmName: ALARM, state: { value: 'ALARM' } },
      },
    });
  });
});
