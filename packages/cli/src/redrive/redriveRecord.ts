import { type FleetRecord, partitionKey, RecordKind, sortKey } from '@fleet/shared';
import type { DeadLetterSource } from './RedrivePlan.js';

/** What the redrive record of one dead letter says. */
export type RedriveRecordInput = {
  queueName: string;
  /** The SQS message id of the dead letter. */
  messageId: string;
  at: string;
  decision: 'redriven' | 'failed';
  /** The function or state machine ARN it was re-sent to. */
  target: string;
  source: DeadLetterSource;
  errorCode?: string;
  errorMessage?: string;
  by: string;
  /** The payload's correlation id, else the redrive's own id. */
  correlationId: string;
  /** Why the re-send failed (decision `failed`). */
  failure?: string;
};

/**
 * The record of one redrive, in the queue's partition: `QUEUE#<queue>` /
 * `<ISO>#redrive#<message id>`, kind `redrive`, with the decision, the target, where the dead
 * letter came from, its error, who redrove it, and the chain's correlation id.
 */
export const redriveRecord = (input: RedriveRecordInput): FleetRecord => ({
  pk: partitionKey('QUEUE', input.queueName),
  sk: sortKey(input.at, RecordKind.redrive, input.messageId),
  kind: RecordKind.redrive,
  id: input.messageId,
  at: input.at,
  correlationId: input.correlationId,
  queue: input.queueName,
  decision: input.decision,
  target: input.target,
  source: input.source,
  ...(input.errorCode === undefined ? {} : { errorCode: input.errorCode }),
  ...(input.errorMessage === undefined ? {} : { errorMessage: input.errorMessage }),
  ...(input.failure === undefined ? {} : { failure: input.failure }),
  by: input.by,
});
