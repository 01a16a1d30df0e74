import type { StringShape, StructureShape } from '../http/checkShape.js';

// Constraints copied from the CloudWatch API reference (monitoring-2010-08-01) for each member.
const alarmName: StringShape = { type: 'string', min: 1, max: 255 };
const stateValue: StringShape = { type: 'string', enum: ['OK', 'ALARM', 'INSUFFICIENT_DATA'] };
const actions = { type: 'list', max: 5, member: { type: 'string', min: 1, max: 1024 } } as const;

/** PutMetricAlarmInput. */
export const PutMetricAlarmInput: StructureShape = {
  type: 'structure',
  members: {
    AlarmName: { ...alarmName, required: true },
    AlarmDescription: { type: 'string', min: 0, max: 1024 },
    ActionsEnabled: { type: 'boolean' },
    OKActions: actions,
    AlarmActions: actions,
    InsufficientDataActions: actions,
    MetricName: { type: 'string', min: 1, max: 255 },
    Namespace: { type: 'string', min: 1, max: 255, pattern: '[^:].*' },
    Statistic: { type: 'string', enum: ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'] },
    ExtendedStatistic: { type: 'string' },
    Dimensions: {
      type: 'list',
      max: 30,
      member: {
        type: 'structure',
        members: {
          Name: { type: 'string', min: 1, max: 255, required: true },
          Value: { type: 'string', min: 1, max: 1024, required: true },
        },
      },
    },
    Period: { type: 'integer', min: 1 },
    Unit: { type: 'string' },
    EvaluationPeriods: { type: 'integer', min: 1, required: true },
    DatapointsToAlarm: { type: 'integer', min: 1 },
    Threshold: { type: 'any' },
    ComparisonOperator: {
      type: 'string',
      required: true,
      enum: [
        'GreaterThanOrEqualToThreshold',
        'GreaterThanThreshold',
        'LessThanThreshold',
        'LessThanOrEqualToThreshold',
        'LessThanLowerOrGreaterThanUpperThreshold',
        'LessThanLowerThreshold',
        'GreaterThanUpperThreshold',
      ],
    },
    TreatMissingData: { type: 'string', min: 1, max: 255 },
    EvaluateLowSampleCountPercentile: { type: 'string', min: 1, max: 255 },
    Metrics: { type: 'any' },
    Tags: { type: 'any' },
    ThresholdMetricId: { type: 'string', min: 1, max: 255 },
  },
};

/** DescribeAlarmsInput. */
export const DescribeAlarmsInput: StructureShape = {
  type: 'structure',
  members: {
    AlarmNames: { type: 'list', max: 100, member: alarmName },
    AlarmNamePrefix: alarmName,
    AlarmTypes: { type: 'list', member: { type: 'string', enum: ['CompositeAlarm', 'MetricAlarm'] } },
    ChildrenOfAlarmName: alarmName,
    ParentsOfAlarmName: alarmName,
    StateValue: stateValue,
    ActionPrefix: { type: 'string', min: 1, max: 1024 },
    MaxRecords: { type: 'integer', min: 1, max: 100 },
    NextToken: { type: 'string' },
  },
};

/** SetAlarmStateInput. */
export const SetAlarmStateInput: StructureShape = {
  type: 'structure',
  members: {
    AlarmName: { ...alarmName, required: true },
    StateValue: { ...stateValue, required: true },
    StateReason: { type: 'string', min: 0, max: 1023, required: true },
    StateReasonData: { type: 'string', min: 0, max: 4000 },
  },
};

/** DeleteAlarmsInput. */
export const DeleteAlarmsInput: StructureShape = {
  type: 'structure',
  members: { AlarmNames: { type: 'list', max: 100, member: alarmName, required: true } },
};

/** The input shapes of the CloudWatch operations the stand-in serves, by operation. */
export const CLOUDWATCH_SHAPES: Readonly<Record<string, StructureShape>> = {
  PutMetricAlarm: PutMetricAlarmInput,
  DescribeAlarms: DescribeAlarmsInput,
  SetAlarmState: SetAlarmStateInput,
  DeleteAlarms: DeleteAlarmsInput,
};
