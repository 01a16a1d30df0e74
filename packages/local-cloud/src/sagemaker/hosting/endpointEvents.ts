import { randomUUID } from 'node:crypto';
import type { EventBridgeEvent } from '@fleet/shared';
import { eventTime } from '../../eventbridge/LocalEvent.js';

/** An endpoint's status as DescribeEndpoint names it. */
export type EndpointStatus = 'Creating' | 'Updating' | 'RollingBack' | 'InService' | 'Failed' | 'UpdateRollbackFailed';

/** A variant in an endpoint event (the ProductionVariantSummary fields SageMaker sends, times in epoch ms). */
export type EndpointEventVariant = {
  VariantName: string;
  CurrentWeight: number;
  DesiredWeight: number;
  CurrentInstanceCount: number;
  DesiredInstanceCount: number;
  VariantStatus?: { Status: string; StatusMessage: string; StartTime: number }[];
};

/** The detail of the `SageMaker Endpoint State Change` and `SageMaker Endpoint Deployment State Change` events. */
export type EndpointEventDetail = {
  EndpointName: string;
  EndpointArn: string;
  EndpointConfigName: string;
  ProductionVariants: EndpointEventVariant[];
  /** Upper snake case in events (`IN_SERVICE`, `UPDATING`...), as AWS's examples write it. */
  EndpointStatus: string;
  CreationTime: number;
  LastModifiedTime: number;
  FailureReason?: string;
  Tags: Record<string, string>;
  PendingDeploymentSummary?: {
    EndpointConfigName: string;
    StartTime: number;
    ProductionVariants: EndpointEventVariant[];
  };
};

/** An endpoint event as EventBridge delivers it to a rule's target. */
export type EndpointEventEnvelope = EventBridgeEvent<EndpointEventDetail> & {
  version: string;
  account: string;
  region: string;
};

/** `InService` -> `IN_SERVICE`, as the endpoint events write statuses. */
export const eventEndpointStatus = (status: EndpointStatus): string =>
  status.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();

/**
 * Builds an endpoint event as SageMaker sends it: `SageMaker Endpoint State Change` when the
 * endpoint's status changes, `SageMaker Endpoint Deployment State Change` at each step of a
 * deployment (with `PendingDeploymentSummary` and its variants' `VariantStatus`). Source
 * `aws.sagemaker`, the endpoint ARN as the only resource, times in the detail in epoch ms.
 */
export const endpointEvent = (input: {
  detailType: 'SageMaker Endpoint State Change' | 'SageMaker Endpoint Deployment State Change';
  region: string;
  accountId: string;
  timeMs: number;
  detail: EndpointEventDetail;
}): EndpointEventEnvelope => ({
  version: '0',
  id: randomUUID(),
  'detail-type': input.detailType,
  source: 'aws.sagemaker',
  account: input.accountId,
  time: eventTime(input.timeMs),
  region: input.region,
  resources: [input.detail.EndpointArn],
  detail: input.detail,
});
