import type { FleetRecord } from '@fleet/shared';
import type { DeadLetterMessage } from './DeadLetterMessage.js';

/** The dead-letter queue being redriven. */
export type DeadLetterQueuePort = {
  /** The queue's name, for records and messages. */
  readonly name: string;
  /** Receives up to 10 messages, hiding them from other consumers for a while. */
  receive(max: number): Promise<DeadLetterMessage[]>;
  /** Deletes a message that was re-sent and recorded. */
  delete(message: DeadLetterMessage): Promise<void>;
  /** Makes kept messages visible again at once, for the next look. */
  release(message: DeadLetterMessage): Promise<void>;
  /** The queue's ARN (for matching SNS subscriptions' dead-letter queues). */
  arn(): Promise<string>;
};

/**
 * What the redrive needs of the rest of the account: re-send to a function or a state machine,
 * find the functions an SNS topic delivers to with this queue as their dead-letter queue, and
 * write a record.
 */
export type RedrivePorts = {
  queue: DeadLetterQueuePort;
  /** An asynchronous (`Event`) invocation. */
  invokeAsync(functionArn: string, payload: unknown): Promise<void>;
  /** Starts an execution; resolves to its ARN. */
  startExecution(stateMachineArn: string, input: string): Promise<string>;
  /** The Lambda subscriptions of a topic whose dead-letter queue is `queueArn`. */
  snsSubscribers(topicArn: string, queueArn: string): Promise<{ subscriptionArn: string; functionArn: string }[]>;
  putRecord(record: FleetRecord): Promise<void>;
  now(): Date;
  newId(): string;
};
