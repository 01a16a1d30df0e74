import * as z from 'zod';
import { eventBridgeEnvelope } from './eventBridgeEnvelope.js';

/**
 * S3 "Object Created" delivered through EventBridge (bucket with EventBridge notifications on).
 * Fields are kebab-case as AWS documents them; `key` arrives URL-encoded (see decodeS3Key).
 */
export const S3ObjectCreatedEvent = eventBridgeEnvelope(
  'Object Created',
  z.looseObject({
    version: z.string().optional(),
    bucket: z.looseObject({ name: z.string().min(1) }),
    object: z.looseObject({
      key: z.string().min(1),
      size: z.number().int().nonnegative().optional(),
      etag: z.string().optional(),
      'version-id': z.string().optional(),
      sequencer: z.string().optional(),
    }),
    'request-id': z.string().optional(),
    requester: z.string().optional(),
    'source-ip-address': z.string().optional(),
    reason: z.string().optional(),
  }),
  'aws.s3',
);

/** The event an EventBridge schedule rule sends when it has no custom input. */
export const ScheduledEvent = eventBridgeEnvelope('Scheduled Event', z.looseObject({}), 'aws.events');

export const PipelineExecutionStatus = z.enum(['Executing', 'Stopping', 'Stopped', 'Failed', 'Succeeded']);

/** SageMaker "Model Building Pipeline Execution Status Change" (camelCase detail fields). */
export const PipelineExecutionStatusChangeEvent = eventBridgeEnvelope(
  'SageMaker Model Building Pipeline Execution Status Change',
  z.looseObject({
    pipelineArn: z.string().min(1),
    pipelineExecutionArn: z.string().min(1),
    pipelineExecutionDisplayName: z.string().optional(),
    pipelineExecutionDescription: z.string().optional(),
    currentPipelineExecutionStatus: PipelineExecutionStatus,
    previousPipelineExecutionStatus: z.string().optional(),
    executionStartTime: z.string().optional(),
    executionEndTime: z.string().optional(),
  }),
  'aws.sagemaker',
);

/** SageMaker "Model Package State Change" (PascalCase detail fields). */
export const ModelPackageStateChangeEvent = eventBridgeEnvelope(
  'SageMaker Model Package State Change',
  z.looseObject({
    ModelPackageGroupName: z.string().min(1),
    ModelPackageVersion: z.number().int().positive().optional(),
    ModelPackageArn: z.string().min(1),
    ModelPackageName: z.string().optional(),
    ModelPackageDescription: z.string().optional(),
    CreationTime: z.union([z.number(), z.string()]).optional(),
    ModelApprovalStatus: z.enum(['Approved', 'Rejected', 'PendingManualApproval']),
    ModelPackageStatus: z.string().optional(),
    CustomerMetadataProperties: z.record(z.string(), z.string()).optional(),
  }),
  'aws.sagemaker',
);

export type S3ObjectCreated = z.output<typeof S3ObjectCreatedEvent>;
export type Scheduled = z.output<typeof ScheduledEvent>;
export type PipelineExecutionStatusChange = z.output<typeof PipelineExecutionStatusChangeEvent>;
export type ModelPackageStateChange = z.output<typeof ModelPackageStateChangeEvent>;
