import path from 'node:path';
import {
  CloudWatchClient,
  DeleteAlarmsCommand,
  DescribeAlarmsCommand,
  PutMetricAlarmCommand,
  SetAlarmStateCommand,
} from '@aws-sdk/client-cloudwatch';
import { LocalClock } from '../../src/clock/index.js';
import { type AlarmStateChangeEnvelope, LocalCloudWatch, readStackAlarms } from '../../src/cloudwatch/index.js';

const START = '2026-03-02T09:00:00.000Z';
const REGION = 'eu-west-1';
const ACCOUNT = '111122223333';
const NAME = 'orders-AllTraffic-Invocation5XXErrors';

describe('LocalCloudWatch over HTTP', () => {
  let clock: LocalClock;
  let cloudWatch: LocalCloudWatch;
  let client: CloudWatchClient;
  let events: AlarmStateChangeEnvelope[];

  beforeEach(async () => {
    clock = new LocalClock({ start: START });
    events = [];
    cloudWatch = new LocalCloudWatch({
      clock,
      region: REGION,
      accountId: ACCOUNT,
      emit: (event) => events.push(event),
    });
    client = new CloudWatchClient({
      endpoint: await cloudWatch.listen(),
      region: REGION,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await client.send(
      new PutMetricAlarmCommand({
        AlarmName: NAME,
        Namespace: 'AWS/SageMaker',
        MetricName: 'Invocation5XXErrors',
        Statistic: 'Sum',
        Dimensions: [
          { Name: 'EndpointName', Value: 'orders' },
          { Name: 'VariantName', Value: 'AllTraffic' },
        ],
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
      }),
    );
  });

  afterEach(async () => {
    client.destroy();
    await cloudWatch.close();
  });

  const stateOf = async (name = NAME) =>
    (await client.send(new DescribeAlarmsCommand({ AlarmNames: [name] }))).MetricAlarms?.[0]?.StateValue;

  it('starts an alarm in INSUFFICIENT_DATA and turns it OK one period later without data when missing data is not breaching', async () => {
    // Act
    const initial = await stateOf();
    await clock.tick('1m');

    // Assess
    expect(initial).toBe('INSUFFICIENT_DATA');
    expect(await stateOf()).toBe('OK');
  });

  it('describes alarms with their configuration, by name, prefix and state', async () => {
    // Prepare
    await clock.tick('1m');

    // Act
    const byPrefix = await client.send(new DescribeAlarmsCommand({ AlarmNamePrefix: 'orders-' }));
    const alarming = await client.send(new DescribeAlarmsCommand({ StateValue: 'ALARM' }));

    // Assess
    expect(byPrefix.MetricAlarms).toEqual([
      expect.objectContaining({
        AlarmName: NAME,
        AlarmArn: `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:${NAME}`,
        StateValue: 'OK',
        MetricName: 'Invocation5XXErrors',
        Namespace: 'AWS/SageMaker',
        Dimensions: [
          { Name: 'EndpointName', Value: 'orders' },
          { Name: 'VariantName', Value: 'AllTraffic' },
        ],
        Threshold: 1,
        TreatMissingData: 'notBreaching',
        StateUpdatedTimestamp: new Date('2026-03-02T09:01:00.000Z'),
      }),
    ]);
    expect(alarming.MetricAlarms).toEqual([]);
  });

  it('sets an alarm to ALARM until its next evaluation, as SetAlarmState does on AWS', async () => {
    // Prepare
    await clock.tick('1m');

    // Act
    await client.send(new SetAlarmStateCommand({ AlarmName: NAME, StateValue: 'ALARM', StateReason: 'testing' }));
    const set = await stateOf();
    await clock.tick('1m');

    // Assess
    expect(set).toBe('ALARM');
    expect(await stateOf()).toBe('OK');
  });

  it('holds a state set in process until it is changed again', async () => {
    // Act
    cloudWatch.setAlarmState(NAME, 'ALARM', '5XX errors keep coming');
    await clock.tick('10m');

    // Assess
    expect(await stateOf()).toBe('ALARM');
  });

  it('tells subscribers and sends a CloudWatch Alarm State Change event on each change', async () => {
    // Prepare
    const heard: string[] = [];
    cloudWatch.subscribe((name, state) => heard.push(`${name}:${state}`));

    // Act
    await client.send(new SetAlarmStateCommand({ AlarmName: NAME, StateValue: 'ALARM', StateReason: 'errors' }));
    await clock.tick(0);

    // Assess
    expect(heard).toEqual([`${NAME}:ALARM`]);
    expect(events).toEqual([
      {
        version: '0',
        id: expect.any(String),
        'detail-type': 'CloudWatch Alarm State Change',
        source: 'aws.cloudwatch',
        account: ACCOUNT,
        time: '2026-03-02T09:00:00Z',
        region: REGION,
        resources: [`arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:${NAME}`],
        detail: {
          alarmName: NAME,
          state: { value: 'ALARM', reason: 'errors', timestamp: '2026-03-02T09:00:00.000+0000' },
          previousState: {
            value: 'INSUFFICIENT_DATA',
            reason: 'Unchecked: Initial alarm creation',
            timestamp: '2026-03-02T09:00:00.000+0000',
          },
          configuration: {
            metrics: [
              {
                id: 'm1',
                metricStat: {
                  metric: {
                    namespace: 'AWS/SageMaker',
                    name: 'Invocation5XXErrors',
                    dimensions: { EndpointName: 'orders', VariantName: 'AllTraffic' },
                  },
                  period: 60,
                  stat: 'Sum',
                },
                returnData: true,
              },
            ],
          },
        },
      },
    ]);
  });

  it('answers ResourceNotFound for an unknown alarm', async () => {
    // Act
    const outcome = client.send(
      new SetAlarmStateCommand({ AlarmName: 'nope', StateValue: 'ALARM', StateReason: 'testing' }),
    );

    // Assess
    await expect(outcome).rejects.toMatchObject({
      name: 'ResourceNotFound',
      Code: 'ResourceNotFound',
      message: 'Alarm nope not found',
    });
  });

  it('answers a validation error for a request that breaks the API constraints', async () => {
    // Act
    const outcome = client.send(
      new PutMetricAlarmCommand({
        AlarmName: 'bad',
        MetricName: 'x',
        Namespace: 'y',
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 1,
      }),
    );

    // Assess
    // The SDK names it ValidationException and keeps CloudWatch's query code in Code.
    await expect(outcome).rejects.toMatchObject({
      name: 'ValidationException',
      Code: 'ValidationError',
      message: expect.stringContaining("at 'evaluationPeriods' failed to satisfy constraint"),
    });
  });

  describe('over awsQuery, as clients before the JSON protocol speak it', () => {
    const query = (params: Record<string, string>) =>
      fetch(cloudWatch.endpoint as string, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: new URLSearchParams({ Version: '2010-08-01', ...params }).toString(),
      });

    it('sets a state and describes the alarm in XML, lists as members and times in ISO 8601', async () => {
      // Prepare
      await query({ Action: 'SetAlarmState', AlarmName: NAME, StateValue: 'ALARM', StateReason: 'from the CLI' });

      // Act
      const response = await query({ Action: 'DescribeAlarms', 'AlarmNames.member.1': NAME });
      const xml = await response.text();

      // Assess
      expect(response.status).toBe(200);
      expect(xml).toMatch(/^<DescribeAlarmsResponse xmlns="http:\/\/monitoring\.amazonaws\.com\/doc\/2010-08-01\/">/);
      expect(xml).toContain(`<MetricAlarms><member><AlarmName>${NAME}</AlarmName>`);
      expect(xml).toContain('<StateValue>ALARM</StateValue><StateReason>from the CLI</StateReason>');
      expect(xml).toContain('<StateUpdatedTimestamp>2026-03-02T09:00:00.000Z</StateUpdatedTimestamp>');
      expect(xml).toContain('<Dimensions><member><Name>EndpointName</Name><Value>orders</Value></member>');
    });

    it('answers an XML ErrorResponse with the code for an unknown alarm', async () => {
      // Act
      const response = await query({ Action: 'SetAlarmState', AlarmName: 'nope', StateValue: 'OK', StateReason: 'x' });

      // Assess
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('<Code>ResourceNotFound</Code><Message>Alarm nope not found</Message>');
    });

    it('creates an alarm from form parameters, numbers and dimension lists included', async () => {
      // Act
      await query({
        Action: 'PutMetricAlarm',
        AlarmName: 'latency',
        MetricName: 'ModelLatency',
        Namespace: 'AWS/SageMaker',
        ExtendedStatistic: 'p99',
        Period: '300',
        EvaluationPeriods: '1',
        Threshold: '500000',
        ComparisonOperator: 'GreaterThanThreshold',
        'Dimensions.member.1.Name': 'EndpointName',
        'Dimensions.member.1.Value': 'orders',
      });

      // Assess
      expect(cloudWatch.alarms().find((alarm) => alarm.alarmName === 'latency')?.definition).toMatchObject({
        Period: 300,
        Threshold: 500000,
        Dimensions: [{ Name: 'EndpointName', Value: 'orders' }],
      });
    });
  });

  it('deletes alarms', async () => {
    // Act
    await client.send(new DeleteAlarmsCommand({ AlarmNames: [NAME] }));

    // Assess
    expect((await client.send(new DescribeAlarmsCommand({}))).MetricAlarms).toEqual([]);
    expect(cloudWatch.state(NAME)).toBeUndefined();
  });
});

describe('readStackAlarms', () => {
  it('reads the AWS::CloudWatch::Alarm resources of a stack with names, dimensions and actions resolved', () => {
    // Act
    const read = readStackAlarms([path.join(__dirname, 'fixtures', 'alarms', 'serverless.yml')], {
      stage: 'local',
      region: REGION,
      accountId: ACCOUNT,
      imports: { 'shop-local-EndpointName': 'orders' },
    });

    // Assess
    expect(read.skipped).toEqual([]);
    expect(read.alarms).toEqual([
      {
        AlarmName: 'shop-serving-local-orders-AllTraffic-Invocation5XXErrors',
        AlarmDescription: '5XX errors of the orders endpoint',
        Namespace: 'AWS/SageMaker',
        MetricName: 'Invocation5XXErrors',
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 2,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
        Dimensions: [
          { Name: 'EndpointName', Value: 'orders' },
          { Name: 'VariantName', Value: 'AllTraffic' },
        ],
        AlarmActions: [`arn:aws:sns:${REGION}:${ACCOUNT}:shop-local-alarms`],
      },
      {
        AlarmName: 'shop-serving-local-ModelLatencyAlarm',
        Namespace: 'AWS/SageMaker',
        MetricName: 'ModelLatency',
        ExtendedStatistic: 'p99',
        Period: 300,
        EvaluationPeriods: 1,
        Threshold: 500000,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
        Dimensions: [
          { Name: 'EndpointName', Value: 'orders' },
          { Name: 'VariantName', Value: 'AllTraffic' },
        ],
      },
      {
        AlarmName: 'shop-local-dead-letters',
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Statistic: 'Maximum',
        Period: 300,
        EvaluationPeriods: 1,
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        Dimensions: [{ Name: 'QueueName', Value: 'shop-local-dead-letters' }],
      },
    ]);
  });

  it('skips an alarm whose dimensions cannot be worked out locally', () => {
    // Act
    const read = readStackAlarms([path.join(__dirname, 'fixtures', 'alarms', 'serverless.yml')], {
      stage: 'local',
      region: REGION,
      accountId: ACCOUNT,
      imports: {},
    });

    // Assess
    expect(read.alarms.map((alarm) => alarm.AlarmName)).toEqual([
      'shop-serving-local-orders-AllTraffic-Invocation5XXErrors',
      'shop-local-dead-letters',
    ]);
    expect(read.skipped).toEqual([
      expect.stringContaining('ModelLatencyAlarm: a dimension cannot be worked out locally'),
    ]);
  });
});
