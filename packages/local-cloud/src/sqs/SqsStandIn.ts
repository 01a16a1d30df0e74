import { StandInServer } from '../http/StandInServer.js';
import type { LocalStandIn, RunningStandIn, StandInContext } from '../standIn/LocalStandIn.js';
import type { LocalQueue, QueuedMessage } from './LocalQueue.js';
import { LocalSqs, type QueueDefinition } from './LocalSqs.js';
import type { SqsMessageAttribute } from './md5OfMessageAttributes.js';
import { sqsHttpHandler } from './sqsHttpHandler.js';

/** A dead letter that could not be put in its queue (no queue has that ARN), and why. */
export type UndeliveredDeadLetter = { queueArn: string; body: string; reason: string };

/**
 * What the other stand-ins send their dead letters through: a message to the queue an ARN names.
 * Built before the cloud starts, so the Lambda, EventBridge and SNS stand-ins can hold it.
 */
export type DeadLetterQueues = {
  /** Puts a message in the queue; keeps it in `undelivered` (with the reason) when no queue has that ARN. */
  send(queueArn: string, body: string, messageAttributes?: Record<string, SqsMessageAttribute>): void;
};

/**
 * SQS: the `AWS::SQS::Queue` resources of every stack, on the local clock, over the awsJson 1.0
 * protocol client-sqs speaks, and the one place dead letters of Lambda destinations, EventBridge
 * targets and SNS subscriptions land (`send`).
 */
export class SqsStandIn implements LocalStandIn, DeadLetterQueues {
  readonly name = 'sqs';
  readonly #definitions: readonly QueueDefinition[];
  readonly #undelivered: UndeliveredDeadLetter[] = [];
  #sqs?: LocalSqs;
  #context?: StandInContext;

  constructor(options: { queues: readonly QueueDefinition[] }) {
    this.#definitions = options.queues;
  }

  /** The local SQS: its queues and their messages. */
  get sqs(): LocalSqs {
    if (this.#sqs === undefined) throw new Error('the SQS stand-in is not started');
    return this.#sqs;
  }

  /** Dead letters whose queue ARN names no queue of the stacks. */
  get undelivered(): readonly UndeliveredDeadLetter[] {
    return this.#undelivered;
  }

  send(queueArn: string, body: string, messageAttributes: Record<string, SqsMessageAttribute> = {}): void {
    const queue = this.#sqs?.queueByArn(queueArn);
    if (queue === undefined) {
      this.#undelivered.push({
        queueArn,
        body,
        reason:
          this.#sqs === undefined
            ? 'the SQS stand-in is not started'
            : `no queue has this ARN; the stacks have ${
                this.#sqs
                  .queues()
                  .map((q) => q.arn)
                  .join(', ') || 'none'
              }`,
      });
      return;
    }
    this.sqs.sendMessage(queue, body, messageAttributes);
  }

  /** The messages now in a queue (by name), oldest first, whatever their visibility. */
  messages(queueName: string): QueuedMessage[] {
    const queue: LocalQueue | undefined = this.sqs.queue(queueName);
    if (queue === undefined) throw new Error(`no queue named ${queueName}`);
    return queue.messages(this.#context?.clock.nowMs() ?? Date.now());
  }

  /**
   * The value CloudWatch would have for an `AWS/SQS` metric of a queue of the stacks
   * (`ApproximateNumberOfMessagesVisible`, `...NotVisible`, `...Delayed`, by its `QueueName`
   * dimension) now; undefined for any other metric, an unknown queue, or before the start.
   */
  metricValue(metric: {
    Namespace?: string;
    MetricName?: string;
    Dimensions?: { Name: string; Value: string }[];
  }): number | undefined {
    if (metric.Namespace !== 'AWS/SQS' || this.#sqs === undefined || this.#context === undefined) return undefined;
    const queueName = metric.Dimensions?.find((dimension) => dimension.Name === 'QueueName')?.Value;
    const queue = queueName === undefined ? undefined : this.#sqs.queue(queueName);
    if (queue === undefined) return undefined;
    const counts = queue.counts(this.#context.clock.nowMs());
    switch (metric.MetricName) {
      case 'ApproximateNumberOfMessagesVisible':
        return counts.visible;
      case 'ApproximateNumberOfMessagesNotVisible':
        return counts.notVisible;
      case 'ApproximateNumberOfMessagesDelayed':
        return counts.delayed;
      default:
        return undefined;
    }
  }

  async start(context: StandInContext): Promise<RunningStandIn> {
    const sqs = new LocalSqs({
      clock: context.clock,
      region: context.region,
      accountId: context.accountId,
      queues: this.#definitions,
    });
    this.#sqs = sqs;
    this.#context = context;
    const server = new StandInServer(sqsHttpHandler(sqs));
    const endpoint = await context.listen('sqs', (port) => server.listen({ port }));
    sqs.endpoint = endpoint;
    return { endpoints: { sqs: endpoint }, stop: () => server.close() };
  }
}
