import { randomUUID } from 'node:crypto';
import type { EventBridgeEvent } from '@fleet/shared';
import { eventTime } from '../eventbridge/LocalEvent.js';

/** The approval status of a model package, as SageMaker names it. */
export type ModelApprovalStatus = 'Approved' | 'Rejected' | 'PendingManualApproval';

/** The PascalCase detail of a "SageMaker Model Package State Change" event (a DescribeModelPackage view). */
export type ModelPackageStateChangeDetail = {
  ModelPackageGroupName: string;
  ModelPackageVersion: number;
  ModelPackageArn: string;
  ModelPackageName: string;
  ModelPackageDescription?: string;
  CreationTime: string;
  InferenceSpecification?: unknown;
  ModelPackageStatus: 'Completed';
  ModelPackageStatusDetails: { ValidationStatuses: unknown[]; ImageScanStatuses: unknown[] };
  CertifyForMarketplace: boolean;
  ModelApprovalStatus: ModelApprovalStatus;
  ApprovalDescription?: string;
  MetadataProperties?: Record<string, string>;
  ModelMetrics?: unknown;
  CustomerMetadataProperties?: Record<string, string>;
  LastModifiedTime: string;
};

/** The model package event as EventBridge delivers it to a rule's target. */
export type ModelPackageStateChangeEnvelope = EventBridgeEvent<ModelPackageStateChangeDetail> & {
  version: string;
  account: string;
  region: string;
};

/**
 * Builds the event SageMaker sends to EventBridge when a model package is created or changes
 * (its approval status, its approval description, its metadata).
 *
 * Shape as AWS documents it: source `aws.sagemaker`, the package ARN as the only resource, and
 * a PascalCase detail that mirrors DescribeModelPackage, with ISO times to the second.
 */
export const modelPackageStateChangeEvent = (input: {
  region: string;
  accountId: string;
  timeMs: number;
  detail: ModelPackageStateChangeDetail;
}): ModelPackageStateChangeEnvelope => ({
  version: '0',
  id: randomUUID(),
  'detail-type': 'SageMaker Model Package State Change',
  source: 'aws.sagemaker',
  account: input.accountId,
  time: eventTime(input.timeMs),
  region: input.region,
  resources: [input.detail.ModelPackageArn],
  detail: input.detail,
});
