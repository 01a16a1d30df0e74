import type { StringShape, StructureShape } from '../http/checkShape.js';

// Constraints copied from the EventBridge Scheduler API reference (scheduler-2021-06-30).
const name: StringShape = { type: 'string', min: 1, max: 64, pattern: '^[0-9a-zA-Z-_.]+$' };
const clientToken: StringShape = { type: 'string', min: 1, max: 64, pattern: '^[a-zA-Z0-9-_]+$' };

const scheduleMembers: StructureShape['members'] = {
  Name: { ...name, required: true },
  GroupName: name,
  ScheduleExpression: { type: 'string', min: 1, max: 256, required: true },
  StartDate: { type: 'timestamp' },
  EndDate: { type: 'timestamp' },
  Description: { type: 'string', min: 0, max: 512 },
  ScheduleExpressionTimezone: { type: 'string', min: 1, max: 50 },
  State: { type: 'string', enum: ['ENABLED', 'DISABLED'] },
  KmsKeyArn: {
    type: 'string',
    min: 1,
    max: 2048,
    pattern: '^arn:aws(-[a-z]+)?:kms:[a-z0-9\\-]+:\\d{12}:(key|alias)\\/[0-9a-zA-Z-_]*$',
  },
  ClientToken: clientToken,
  ActionAfterCompletion: { type: 'string', enum: ['NONE', 'DELETE'] },
  FlexibleTimeWindow: {
    type: 'structure',
    required: true,
    members: {
      Mode: { type: 'string', enum: ['OFF', 'FLEXIBLE'], required: true },
      MaximumWindowInMinutes: { type: 'integer', min: 1, max: 1440 },
    },
  },
  Target: {
    type: 'structure',
    required: true,
    members: {
      Arn: { type: 'string', min: 1, max: 1600, required: true },
      RoleArn: {
        type: 'string',
        min: 1,
        max: 1600,
        pattern: '^arn:aws(-[a-z]+)?:iam::\\d{12}:role\\/[\\w+=,.@\\/-]+$',
        required: true,
      },
      Input: { type: 'string', min: 1, max: 8192 },
      RetryPolicy: {
        type: 'structure',
        members: {
          MaximumEventAgeInSeconds: { type: 'integer', min: 60, max: 86400 },
          MaximumRetryAttempts: { type: 'integer', min: 0, max: 185 },
        },
      },
      DeadLetterConfig: {
        type: 'structure',
        members: {
          Arn: {
            type: 'string',
            min: 1,
            max: 1600,
            pattern: '^arn:aws(-[a-z]+)?:sqs:[a-z0-9\\-]+:\\d{12}:[a-zA-Z0-9\\-_]+$',
          },
        },
      },
      EcsParameters: { type: 'any' },
      EventBridgeParameters: { type: 'any' },
      KinesisParameters: { type: 'any' },
      SageMakerPipelineParameters: { type: 'any' },
      SqsParameters: { type: 'any' },
    },
  },
};

/** CreateScheduleInput (Name comes from the path). */
export const CreateScheduleInput: StructureShape = { type: 'structure', members: scheduleMembers };

/** UpdateScheduleInput: the same members as create; an update replaces the whole schedule. */
export const UpdateScheduleInput: StructureShape = { type: 'structure', members: scheduleMembers };

/** GetScheduleInput. */
export const GetScheduleInput: StructureShape = {
  type: 'structure',
  members: { Name: { ...name, required: true }, GroupName: name },
};

/** DeleteScheduleInput. */
export const DeleteScheduleInput: StructureShape = {
  type: 'structure',
  members: { Name: { ...name, required: true }, GroupName: name, ClientToken: clientToken },
};

/** ListSchedulesInput (query string members). */
export const ListSchedulesInput: StructureShape = {
  type: 'structure',
  members: {
    GroupName: name,
    NamePrefix: { type: 'string', min: 1, max: 64, pattern: '^[0-9a-zA-Z-_.]+$' },
    State: { type: 'string', enum: ['ENABLED', 'DISABLED'] },
    NextToken: { type: 'string', min: 1, max: 2048 },
    MaxResults: { type: 'integer', min: 1, max: 100 },
  },
};

/** CreateScheduleGroupInput, GetScheduleGroupInput and DeleteScheduleGroupInput. */
export const ScheduleGroupInput: StructureShape = {
  type: 'structure',
  members: { Name: { ...name, required: true }, ClientToken: clientToken, Tags: { type: 'any' } },
};

/** ListScheduleGroupsInput (query string members). */
export const ListScheduleGroupsInput: StructureShape = {
  type: 'structure',
  members: {
    NamePrefix: { type: 'string', min: 1, max: 64, pattern: '^[0-9a-zA-Z-_.]+$' },
    NextToken: { type: 'string', min: 1, max: 2048 },
    MaxResults: { type: 'integer', min: 1, max: 100 },
  },
};
