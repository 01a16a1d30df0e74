import path from 'node:path';
import { LocalClock } from '../../packages/local-cloud/src/clock/LocalClock';
import { LocalCloudWatch } from '../../packages/local-cloud/src/cloudwatch/LocalCloudWatch';
import { readStackAlarms } from '../../packages/local-cloud/src/cloudwatch/readStackAlarms';
import { FleetMetric } from '../../packages/shared/src/metrics/FleetMetric';
import { packageAllStacks, stackDirs, type Template } from './packagedStacks';

// Packages every stack (once per jest run, shared with the other stack tests) and checks the
// alarms: each one complete and routed to the alarm topic, and the alarms operators rely on
// present for every queue, function, state machine and rule the stacks create.

let templates: Map<string, Template>;

beforeAll(() => {
  templates = packageAllStacks('dev');
}, 600_000);

type Dimension = { Name: string; Value: unknown };
type AlarmProperties = Record<string, unknown> & {
  AlarmName?: string;
  Namespace?: string;
  MetricName?: string;
  Dimensions?: Dimension[];
  Metrics?: { Id: string; MetricStat?: { Metric: { Namespace?: string; MetricName?: string } }; Expression?: string }[];
};
type Alarm = { stack: string; id: string; properties: AlarmProperties };

const COMPARISONS = [
  'GreaterThanOrEqualToThreshold',
  'GreaterThanThreshold',
  'LessThanThreshold',
  'LessThanOrEqualToThreshold',
];
const MISSING_DATA = ['breaching', 'notBreaching', 'ignore', 'missing'];
/** How a service stack names the alarm topic, and how the core stack (which creates it) does. */
const SERVICE_ALARM_TOPIC = { 'Fn::ImportValue': 'fleet-dev-AlarmTopicArn' };
const CORE_ALARM_TOPIC = { Ref: 'AlarmTopic' };

const resourcesOf = (template: Template, type: string) =>
  Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);

const allAlarms = (): Alarm[] =>
  [...templates].flatMap(([stack, template]) =>
    resourcesOf(template, 'AWS::CloudWatch::Alarm').map(([id, resource]) => ({
      stack,
      id,
      properties: (resource.Properties ?? {}) as AlarmProperties,
    })),
  );

const dimension = (alarm: Alarm, name: string): unknown =>
  alarm.properties.Dimensions?.find((d) => d.Name === name)?.Value;

const dimensionNames = (alarm: Alarm): string[] => (alarm.properties.Dimensions ?? []).map((d) => d.Name).sort();

const alarmsOn = (stack: string, namespace: string, metricName: string): Alarm[] =>
  allAlarms().filter(
    (a) => a.stack === stack && a.properties.Namespace === namespace && a.properties.MetricName === metricName,
  );

/** What is wrong with one alarm, as `<stack>/<id>: <problem>` lines (none when complete). */
const problemsOf = (alarm: Alarm): string[] => {
  const p = alarm.properties;
  const where = `${alarm.stack}/${alarm.id}`;
  const problems: string[] = [];
  const names =
    p.Metrics === undefined
      ? [p.MetricName]
      : p.Metrics.filter((m) => m.MetricStat !== undefined).map((m) => m.MetricStat?.Metric.MetricName);
  if (names.length === 0 || names.some((n) => typeof n !== 'string' || n.length === 0)) {
    problems.push(`${where}: names no metric`);
  }
  if (p.Metrics === undefined && typeof p.Namespace !== 'string') problems.push(`${where}: no Namespace`);
  if (p.Metrics === undefined && p.Statistic === undefined && p.ExtendedStatistic === undefined) {
    problems.push(`${where}: no Statistic or ExtendedStatistic`);
  }
  if (typeof p.AlarmName !== 'string' || !p.AlarmName.startsWith('fleet-dev-')) {
    problems.push(`${where}: AlarmName ${String(p.AlarmName)} does not start with fleet-<stage>-`);
  }
  if (typeof p.AlarmDescription !== 'string' || p.AlarmDescription.length === 0) {
    problems.push(`${where}: no AlarmDescription`);
  }
  if (typeof p.Threshold !== 'number') problems.push(`${where}: Threshold is not a number`);
  if (!COMPARISONS.includes(String(p.ComparisonOperator))) {
    problems.push(`${where}: ComparisonOperator ${String(p.ComparisonOperator)}`);
  }
  if (p.Metrics === undefined && (typeof p.Period !== 'number' || p.Period < 60 || p.Period % 60 !== 0)) {
    problems.push(`${where}: Period ${String(p.Period)} is not a whole number of minutes`);
  }
  if (typeof p.EvaluationPeriods !== 'number' || p.EvaluationPeriods < 1) {
    problems.push(`${where}: EvaluationPeriods ${String(p.EvaluationPeriods)}`);
  }
  if (
    p.DatapointsToAlarm !== undefined &&
    (typeof p.DatapointsToAlarm !== 'number' || p.DatapointsToAlarm > Number(p.EvaluationPeriods))
  ) {
    problems.push(`${where}: DatapointsToAlarm ${String(p.DatapointsToAlarm)} exceeds EvaluationPeriods`);
  }
  if (!MISSING_DATA.includes(String(p.TreatMissingData))) {
    problems.push(`${where}: TreatMissingData ${String(p.TreatMissingData)} is not set explicitly`);
  }
  const topic = alarm.stack === '.' ? CORE_ALARM_TOPIC : SERVICE_ALARM_TOPIC;
  const actions = Array.isArray(p.AlarmActions) ? p.AlarmActions : [];
  if (!actions.some((action) => JSON.stringify(action) === JSON.stringify(topic))) {
    problems.push(`${where}: AlarmActions ${JSON.stringify(p.AlarmActions)} do not include the alarm topic`);
  }
  return problems;
};

describe('every alarm of every packaged stack', () => {
  it('names its metric, statistic, threshold, comparison, period and evaluation periods, treats missing data explicitly and goes to the alarm topic', () => {
    // Act
    const alarms = allAlarms();

    // Assess
    expect(alarms.length).toBeGreaterThan(40);
    expect(alarms.flatMap(problemsOf)).toEqual([]);
  });

  it('treats missing data as not breaching where the metric is only sent when something happened', () => {
    // Prepare: Lambda Errors, EventBridge failures, Step Functions ends and the fleet's own counters
    // have no data points when nothing happened; the queue depth is sent while the queue exists.
    const sentOnlyWhenNonZero = (a: Alarm) =>
      ['AWS/Lambda', 'AWS/Events', 'AWS/States', 'fleet'].includes(String(a.properties.Namespace));

    // Act
    const wrong = allAlarms()
      .filter(sentOnlyWhenNonZero)
      .filter((a) => a.properties.TreatMissingData !== 'notBreaching')
      .map((a) => `${a.stack}/${a.id}`);

    // Assess
    expect(wrong).toEqual([]);
  });

  it('gives every alarm its own name across the stacks', () => {
    const names = allAlarms().map((a) => a.properties.AlarmName);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });
});

describe('the alarms operators rely on', () => {
  it('alarms on any message in each dead-letter queue', () => {
    // Prepare
    const queues = [...templates].flatMap(([stack, template]) =>
      resourcesOf(template, 'AWS::SQS::Queue').map(([id]) => ({ stack, id })),
    );

    // Act
    const missing = queues.filter(
      ({ stack, id }) =>
        !alarmsOn(stack, 'AWS/SQS', 'ApproximateNumberOfMessagesVisible').some(
          (a) =>
            JSON.stringify(dimension(a, 'QueueName')) === JSON.stringify({ 'Fn::GetAtt': [id, 'QueueName'] }) &&
            a.properties.Threshold === 0 &&
            a.properties.ComparisonOperator === 'GreaterThanThreshold',
        ),
    );

    // Assess: the core dead-letter queue and approval-callback's approval-requests queue at least.
    expect(queues.map((q) => `${q.stack}/${q.id}`)).toEqual(
      expect.arrayContaining(['./DeadLetterQueue', 'services/approval-callback/ApprovalRequestsDeadLetterQueue']),
    );
    expect(missing).toEqual([]);
  });

  it('alarms on the errors of every function', () => {
    // Prepare
    const functions = [...templates].flatMap(([stack, template]) =>
      resourcesOf(template, 'AWS::Lambda::Function').map(([id]) => ({ stack, id })),
    );

    // Act
    const missing = functions
      .filter(
        ({ stack, id }) =>
          !alarmsOn(stack, 'AWS/Lambda', 'Errors').some(
            (a) => JSON.stringify(dimension(a, 'FunctionName')) === JSON.stringify({ Ref: id }),
          ),
      )
      .map(({ stack, id }) => `${stack}/${id}: add an AWS/Lambda Errors alarm with FunctionName { Ref: ${id} }`);

    // Assess
    expect(functions.length).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });

  it('alarms on failed and timed-out executions of every state machine', () => {
    // Prepare
    const machines = [...templates].flatMap(([stack, template]) =>
      resourcesOf(template, 'AWS::StepFunctions::StateMachine').map(([id, resource]) => ({
        stack,
        id,
        name: String(resource.Properties?.StateMachineName),
      })),
    );

    // Act
    const missing = machines.flatMap(({ stack, id, name }) =>
      ['ExecutionsFailed', 'ExecutionsTimedOut']
        .filter(
          (metric) =>
            !alarmsOn(stack, 'AWS/States', metric).some((a) => {
              const arn = dimension(a, 'StateMachineArn') as { 'Fn::Sub'?: string } | undefined;
              return typeof arn?.['Fn::Sub'] === 'string' && arn['Fn::Sub'].endsWith(`:stateMachine:${name}`);
            }),
        )
        .map((metric) => `${stack}/${id}: ${metric}`),
    );

    // Assess
    expect(machines.map((m) => m.name)).toContain('fleet-dev-approval');
    expect(missing).toEqual([]);
  });

  it('alarms on FailedInvocations and InvocationsFailedToBeSentToDlq of every rule, with the bus dimension on a custom bus', () => {
    // Prepare
    const rules = [...templates].flatMap(([stack, template]) =>
      resourcesOf(template, 'AWS::Events::Rule').map(([id, resource]) => ({
        stack,
        id,
        name: resource.Properties?.Name,
        bus: resource.Properties?.EventBusName,
      })),
    );

    // Act
    const missing = rules.flatMap(({ stack, id, name, bus }) =>
      ['FailedInvocations', 'InvocationsFailedToBeSentToDlq']
        .filter(
          (metric) =>
            !alarmsOn(stack, 'AWS/Events', metric).some(
              (a) =>
                dimension(a, 'RuleName') === name &&
                // The default bus's metrics have RuleName only; a custom bus's have EventBusName too.
                JSON.stringify(dimensionNames(a)) ===
                  JSON.stringify(bus === undefined ? ['RuleName'] : ['EventBusName', 'RuleName']) &&
                (bus === undefined || JSON.stringify(dimension(a, 'EventBusName')) === JSON.stringify(bus)),
            ),
        )
        .map((metric) => `${stack}/${id} (${String(name)}): ${metric}`),
    );

    // Assess
    expect(rules.length).toBeGreaterThan(5);
    expect(rules.some((r) => r.bus !== undefined)).toBe(true);
    expect(missing).toEqual([]);
  });

  it('alarms on failed notifications, on the metric notify emits', () => {
    // Act
    const alarms = alarmsOn('services/notify', 'fleet', FleetMetric.NotificationsFailed);

    // Assess
    expect(alarms).toHaveLength(1);
    expect(alarms[0].properties.Dimensions).toEqual([{ Name: 'service', Value: 'notify' }]);
    expect(alarms[0].properties.Threshold).toBe(1);
    expect(alarms[0].properties.ComparisonOperator).toBe('GreaterThanOrEqualToThreshold');
  });
});

describe('the alarms in the local cloud', () => {
  it('reads every alarm of every stack and, with no metric data, settles each to OK one period later, as CloudWatch does', async () => {
    // Prepare
    const files = stackDirs().map((dir) => path.join(dir, 'serverless.yml'));
    const imports = {
      'fleet-local-AlarmTopicArn': 'arn:aws:sns:eu-west-1:123456789012:fleet-local-alarms',
      'fleet-local-EventBusName': 'fleet-local',
    };
    const clock = new LocalClock({ start: '2025-06-02T09:00:00Z' });
    const cloudWatch = new LocalCloudWatch({ clock, region: 'eu-west-1', accountId: '123456789012' });

    // Act
    const read = readStackAlarms(files, { stage: 'local', region: 'eu-west-1', accountId: '123456789012', imports });
    for (const alarm of read.alarms) cloudWatch.putMetricAlarm(alarm);
    const before = new Set(cloudWatch.alarms().map((alarm) => alarm.state));
    await clock.tick('10m');
    const after = cloudWatch.alarms();

    // Assess: the same alarms as the packaged templates, none skipped, each routed to the topic.
    expect(read.skipped).toEqual([]);
    expect(read.alarms.map((alarm) => alarm.AlarmName.replace(/^fleet-local-/, 'fleet-dev-')).sort()).toEqual(
      allAlarms()
        .map((alarm) => String(alarm.properties.AlarmName))
        .sort(),
    );
    expect(read.alarms.filter((alarm) => alarm.AlarmActions?.[0] !== imports['fleet-local-AlarmTopicArn'])).toEqual([]);
    expect([...before]).toEqual(['INSUFFICIENT_DATA']);
    expect(after.filter((alarm) => alarm.state !== 'OK').map((alarm) => alarm.alarmName)).toEqual([]);
    await cloudWatch.close();
  });
});
