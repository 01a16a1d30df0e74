import { randomUUID } from 'node:crypto';
import { md5OfBody, md5OfMessageAttributes, type SqsMessageAttribute } from './md5OfMessageAttributes.js';
import { decodeReceiptHandle, encodeReceiptHandle } from './receiptHandle.js';
import { SqsServiceError } from './SqsServiceError.js';

/** A message in a queue, as the local SQS keeps it. */
export type QueuedMessage = {
  messageId: string;
  body: string;
  md5OfBody: string;
  messageAttributes: Record<string, SqsMessageAttribute>;
  md5OfMessageAttributes?: string;
  sentMs: number;
  /** Clock time from which it can be received (its delay, or the end of its visibility timeout). */
  visibleFromMs: number;
  receiveCount: number;
  firstReceiveMs?: number;
  /** Increases with every receive; a receipt handle names the receive it came from. */
  receive: number;
  /** Whether a receive made it invisible (rather than a delay). */
  inFlight: boolean;
};

/** How a queue is set up (seconds). */
export type QueueSettings = { visibilityTimeout: number; messageRetentionPeriod: number; delaySeconds: number };

/** The counts SQS gives as `ApproximateNumberOfMessages*`. */
export type QueueCounts = { visible: number; notVisible: number; delayed: number };

const invalidHandle = (handle: string) =>
  new SqsServiceError('ReceiptHandleIsInvalid', `The input receipt handle "${handle}" is not a valid receipt handle.`);

/**
 * One standard queue on the local clock: messages become visible after their delay, a receive
 * hides them for the visibility timeout, and they expire after the retention period.
 *
 * Delivery is at least once and in sending order (a local queue has no reason to reorder).
 */
export class LocalQueue {
  readonly name: string;
  readonly arn: string;
  readonly createdMs: number;
  readonly settings: QueueSettings;
  readonly #messages: QueuedMessage[] = [];
  #lastPurgeMs?: number;

  constructor(options: { name: string; arn: string; createdMs: number; settings: QueueSettings }) {
    this.name = options.name;
    this.arn = options.arn;
    this.createdMs = options.createdMs;
    this.settings = options.settings;
  }

  /** Adds a message; it is visible once `delaySeconds` (default: the queue's) have passed. */
  send(
    input: { body: string; messageAttributes?: Record<string, SqsMessageAttribute>; delaySeconds?: number },
    nowMs: number,
  ): QueuedMessage {
    const messageAttributes = input.messageAttributes ?? {};
    const md5 = md5OfMessageAttributes(messageAttributes);
    const message: QueuedMessage = {
      messageId: randomUUID(),
      body: input.body,
      md5OfBody: md5OfBody(input.body),
      messageAttributes,
      ...(md5 === undefined ? {} : { md5OfMessageAttributes: md5 }),
      sentMs: nowMs,
      visibleFromMs: nowMs + (input.delaySeconds ?? this.settings.delaySeconds) * 1000,
      receiveCount: 0,
      receive: 0,
      inFlight: false,
    };
    this.#messages.push(message);
    return message;
  }

  /** Receives up to `max` visible messages, hiding each for `visibilityTimeout` seconds; returns them with receipt handles. */
  receive(
    max: number,
    visibilityTimeout: number | undefined,
    nowMs: number,
  ): { message: QueuedMessage; receiptHandle: string }[] {
    this.#expire(nowMs);
    const timeout = visibilityTimeout ?? this.settings.visibilityTimeout;
    return this.#messages
      .filter((message) => message.visibleFromMs <= nowMs)
      .slice(0, max)
      .map((message) => {
        message.receiveCount++;
        message.receive++;
        message.firstReceiveMs ??= nowMs;
        message.visibleFromMs = nowMs + timeout * 1000;
        message.inFlight = true;
        return {
          message: { ...message },
          receiptHandle: encodeReceiptHandle({
            queueName: this.name,
            messageId: message.messageId,
            receive: message.receive,
          }),
        };
      });
  }

  /**
   * Deletes the message a receipt handle names; a message already gone is not an error, as on SQS.
   *
   * @throws SqsServiceError `ReceiptHandleIsInvalid` for a handle this queue did not give out
   */
  delete(receiptHandle: string): void {
    const parts = decodeReceiptHandle(receiptHandle);
    if (parts === undefined || parts.queueName !== this.name) throw invalidHandle(receiptHandle);
    const index = this.#messages.findIndex((message) => message.messageId === parts.messageId);
    if (index >= 0) this.#messages.splice(index, 1);
  }

  /**
   * Makes a received message visible again after `timeout` seconds from now.
   *
   * @throws SqsServiceError `ReceiptHandleIsInvalid` for a handle this queue did not give out,
   * `MessageNotInflight` when the message is not being processed, `InvalidParameterValue` when
   * the handle is from an earlier receive
   */
  changeVisibility(receiptHandle: string, timeout: number, nowMs: number): void {
    const parts = decodeReceiptHandle(receiptHandle);
    if (parts === undefined || parts.queueName !== this.name) throw invalidHandle(receiptHandle);
    const message = this.#messages.find((candidate) => candidate.messageId === parts.messageId);
    if (message === undefined || !message.inFlight || message.visibleFromMs <= nowMs) {
      throw new SqsServiceError('MessageNotInflight', 'The message referred to is not in flight.');
    }
    if (message.receive !== parts.receive) {
      throw new SqsServiceError(
        'InvalidParameterValue',
        `Value ${receiptHandle} for parameter ReceiptHandle is invalid. Reason: The receipt handle has expired.`,
      );
    }
    message.visibleFromMs = nowMs + timeout * 1000;
  }

  /**
   * Deletes every message.
   *
   * @throws SqsServiceError `PurgeQueueInProgress` within 60 seconds of the last purge, as SQS allows one a minute
   */
  purge(nowMs: number): void {
    if (this.#lastPurgeMs !== undefined && nowMs - this.#lastPurgeMs < 60_000) {
      throw new SqsServiceError(
        'PurgeQueueInProgress',
        `Only one PurgeQueue operation on ${this.name} is allowed every 60 seconds.`,
      );
    }
    this.#lastPurgeMs = nowMs;
    this.#messages.length = 0;
  }

  /** How many messages are visible, in flight, and delayed now. */
  counts(nowMs: number): QueueCounts {
    this.#expire(nowMs);
    const counts: QueueCounts = { visible: 0, notVisible: 0, delayed: 0 };
    for (const message of this.#messages) {
      if (message.visibleFromMs <= nowMs) counts.visible++;
      else if (message.inFlight) counts.notVisible++;
      else counts.delayed++;
    }
    return counts;
  }

  /** Every message now in the queue (copies), oldest first. */
  messages(nowMs: number): QueuedMessage[] {
    this.#expire(nowMs);
    return this.#messages.map((message) => ({ ...message }));
  }

  #expire(nowMs: number): void {
    const oldest = nowMs - this.settings.messageRetentionPeriod * 1000;
    for (let index = this.#messages.length - 1; index >= 0; index--) {
      if (this.#messages[index].sentMs < oldest) this.#messages.splice(index, 1);
    }
  }
}
