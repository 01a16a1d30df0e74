import { randomUUID } from 'node:crypto';
import type { EventBridgeEvent } from '@fleet/shared';
import { eventTime } from '../eventbridge/LocalEvent.js';

/** The status of a pipeline execution, as SageMaker names it. */
export type PipelineExecutionStatus = 'Executing' | 'Stopping' | 'Stopped' | 'Failed' | 'Succeeded';

/** The camelCase detail of a "SageMaker Model Building Pipeline Execution Status Change" event. */
export type PipelineExecutionStatusChangeDetail = {
  pipelineArn: string;
  pipelineExecutionArn: string;
  pipelineExecutionDisplayName: string;
  currentPipelineExecutionStatus: PipelineExecutionStatus;
  previousPipelineExecutionStatus?: PipelineExecutionStatus;
  executionStartTime: string;
  executionEndTime?: string;
  pipelineExecutionDescription?: string;
};

/** The status-change event as EventBridge delivers it to a rule's target. */
export type PipelineExecutionStatusChangeEnvelope = EventBridgeEvent<PipelineExecutionStatusChangeDetail> & {
  version: string;
  account: string;
  region: string;
};

/**
 * Builds the event SageMaker sends to EventBridge when a pipeline execution changes status.
 *
 * Shape as AWS documents it: source `aws.sagemaker`, the pipeline and execution ARNs as
 * resources, camelCase detail fields; `previousPipelineExecutionStatus` is absent on the first
 * event of an execution and `executionEndTime` on non-terminal statuses.
 */
export const pipelineExecutionStatusChangeEvent = (input: {
  region: string;
  accountId: string;
  timeMs: number;
  detail: PipelineExecutionStatusChangeDetail;
}): PipelineExecutionStatusChangeEnvelope => ({
  version: '0',
  id: randomUUID(),
  'detail-type': 'SageMaker Model Building Pipeline Execution Status Change',
  source: 'aws.sagemaker',
  account: input.accountId,
  time: eventTime(input.timeMs),
  region: input.region,
  resources: [input.detail.pipelineArn, input.detail.pipelineExecutionArn],
  detail: input.detail,
});
