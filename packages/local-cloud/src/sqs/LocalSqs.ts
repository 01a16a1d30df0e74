import type { LocalClock } from '../clock/LocalClock.js';
import { LocalQueue, type QueuedMessage } from './LocalQueue.js';
import type { SqsMessageAttribute } from './md5OfMessageAttributes.js';
import {
  invalidValue,
  optionalInteger,
  optionalString,
  readBatchEntries,
  readMessageToSend,
  requiredString,
  stringList,
} from './readSqsInput.js';
import { queueDoesNotExist, SqsServiceError } from './SqsServiceError.js';

type Json = Record<string, unknown>;

/** A queue to create at start (an `AWS::SQS::Queue` of a stack); seconds. */
export type QueueDefinition = {
  name: string;
  visibilityTimeout?: number;
  messageRetentionPeriod?: number;
  delaySeconds?: number;
};

const SYSTEM_ATTRIBUTES = [
  'SenderId',
  'SentTimestamp',
  'ApproximateReceiveCount',
  'ApproximateFirstReceiveTimestamp',
] as const;

const QUEUE_ATTRIBUTES = [
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesNotVisible',
  'ApproximateNumberOfMessagesDelayed',
  'QueueArn',
  'VisibilityTimeout',
  'MessageRetentionPeriod',
  'DelaySeconds',
  'MaximumMessageSize',
  'ReceiveMessageWaitTimeSeconds',
  'CreatedTimestamp',
  'LastModifiedTimestamp',
  'SqsManagedSseEnabled',
] as const;

/** Whether a message attribute name is asked for by `MessageAttributeNames` (`All`, `.*`, `prefix.*` or the name). */
const wanted = (name: string, patterns: readonly string[]): boolean =>
  patterns.some(
    (pattern) =>
      pattern === 'All' ||
      pattern === '.*' ||
      pattern === name ||
      (pattern.endsWith('.*') && name.startsWith(pattern.slice(0, -2))),
  );

/**
 * The local SQS: standard queues on the local clock and the operations of the SQS API on them,
 * as the JSON protocol carries them (`handle(operation, body)`), and in process (`sendMessage`
 * for the dead letters of the other stand-ins).
 *
 * Queues are found by URL (any host: the path's last segment names the queue), by name
 * (GetQueueUrl) or by ARN (`queueByArn`). The URLs it hands out are `<endpoint>/<account>/<name>`,
 * so an SDK client that follows the queue URL stays on the local endpoint.
 */
export class LocalSqs {
  readonly region: string;
  readonly accountId: string;
  readonly #clock: LocalClock;
  readonly #queues = new Map<string, LocalQueue>();
  /** The endpoint queue URLs are built on (set once the server listens). */
  endpoint = 'https://sqs.local';

  constructor(options: { clock: LocalClock; region: string; accountId: string; queues: readonly QueueDefinition[] }) {
    this.#clock = options.clock;
    this.region = options.region;
    this.accountId = options.accountId;
    for (const definition of options.queues) this.createQueue(definition);
  }

  /** Creates a queue (nothing when one of that name exists); returns it. */
  createQueue(definition: QueueDefinition): LocalQueue {
    const existing = this.#queues.get(definition.name);
    if (existing !== undefined) return existing;
    const queue = new LocalQueue({
      name: definition.name,
      arn: `arn:aws:sqs:${this.region}:${this.accountId}:${definition.name}`,
      createdMs: this.#clock.nowMs(),
      settings: {
        visibilityTimeout: definition.visibilityTimeout ?? 30,
        messageRetentionPeriod: definition.messageRetentionPeriod ?? 345_600,
        delaySeconds: definition.delaySeconds ?? 0,
      },
    });
    this.#queues.set(definition.name, queue);
    return queue;
  }

  /** Every queue, by name. */
  queues(): LocalQueue[] {
    return [...this.#queues.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The queue of that name, or undefined. */
  queue(name: string): LocalQueue | undefined {
    return this.#queues.get(name);
  }

  /** The queue an ARN (`arn:aws:sqs:<region>:<account>:<name>`) names, or undefined. */
  queueByArn(arn: string): LocalQueue | undefined {
    const match = /^arn:aws[a-z-]*:sqs:([^:]+):(\d{12}):(.+)$/.exec(arn);
    if (match === null || match[1] !== this.region || match[2] !== this.accountId) return undefined;
    return this.#queues.get(match[3]);
  }

  /** The URL clients use for a queue. */
  queueUrl(queue: LocalQueue): string {
    return `${this.endpoint}/${this.accountId}/${queue.name}`;
  }

  /** Sends a message in process, as SendMessage does. @throws SqsServiceError as SendMessage would */
  sendMessage(
    queue: LocalQueue,
    body: string,
    messageAttributes: Record<string, SqsMessageAttribute> = {},
  ): QueuedMessage {
    const message = readMessageToSend({ MessageBody: body, MessageAttributes: messageAttributes });
    return queue.send(message, this.#clock.nowMs());
  }

  /**
   * Runs one operation of the SQS API on a decoded JSON request.
   *
   * @throws SqsServiceError with SQS's error name for a request SQS would refuse
   */
  async handle(operation: string, input: Json): Promise<Json> {
    const now = this.#clock.nowMs();
    switch (operation) {
      case 'GetQueueUrl': {
        const name = requiredString(input, 'QueueName');
        const owner = optionalString(input, 'QueueOwnerAWSAccountId');
        const queue = this.#queues.get(name);
        if (queue === undefined || (owner !== undefined && owner !== this.accountId)) throw queueDoesNotExist(name);
        return { QueueUrl: this.queueUrl(queue) };
      }
      case 'ListQueues': {
        const prefix = optionalString(input, 'QueueNamePrefix') ?? '';
        const maxResults = optionalInteger(input, 'MaxResults', 1, 1000);
        const token = optionalString(input, 'NextToken');
        const offset = token === undefined ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8'));
        if (!Number.isInteger(offset) || offset < 0) throw invalidValue('NextToken', token, 'Invalid token.');
        const names = this.queues().filter((queue) => queue.name.startsWith(prefix));
        const end = maxResults === undefined ? names.length : offset + maxResults;
        return {
          QueueUrls: names.slice(offset, end).map((queue) => this.queueUrl(queue)),
          ...(maxResults !== undefined && end < names.length
            ? { NextToken: Buffer.from(String(end)).toString('base64url') }
            : {}),
        };
      }
      case 'GetQueueAttributes':
        return { Attributes: this.#attributes(this.#queueOf(input), stringList(input, 'AttributeNames'), now) };
      case 'SendMessage': {
        const queue = this.#queueOf(input);
        return this.#sent(queue.send(readMessageToSend(input), now));
      }
      case 'SendMessageBatch': {
        const queue = this.#queueOf(input);
        return this.#batch(readBatchEntries(input), (entry) => ({
          Id: entry.Id,
          ...this.#sent(queue.send(readMessageToSend(entry), now)),
        }));
      }
      case 'ReceiveMessage':
        return this.#receive(this.#queueOf(input), input, now);
      case 'DeleteMessage':
        this.#queueOf(input).delete(requiredString(input, 'ReceiptHandle'));
        return {};
      case 'DeleteMessageBatch': {
        const queue = this.#queueOf(input);
        return this.#batch(readBatchEntries(input), (entry) => {
          queue.delete(requiredString(entry, 'ReceiptHandle'));
          return { Id: entry.Id };
        });
      }
      case 'ChangeMessageVisibility': {
        const queue = this.#queueOf(input);
        const timeout = optionalInteger(input, 'VisibilityTimeout', 0, 43_200);
        if (timeout === undefined)
          throw new SqsServiceError('MissingParameter', 'The request must contain the parameter VisibilityTimeout.');
        queue.changeVisibility(requiredString(input, 'ReceiptHandle'), timeout, now);
        return {};
      }
      case 'PurgeQueue':
        this.#queueOf(input).purge(now);
        return {};
      default:
        throw new SqsServiceError('UnsupportedOperation', `The local SQS does not serve ${operation}.`);
    }
  }

  #queueOf(input: Json): LocalQueue {
    const url = requiredString(input, 'QueueUrl');
    const segments = url
      .replace(/[?#].*$/, '')
      .split('/')
      .filter((segment) => segment !== '');
    const [account, name] = segments.slice(-2);
    const queue = name === undefined ? undefined : this.#queues.get(name);
    if (queue === undefined || account !== this.accountId) throw queueDoesNotExist(url);
    return queue;
  }

  #sent(message: QueuedMessage): Json {
    return {
      MessageId: message.messageId,
      MD5OfMessageBody: message.md5OfBody,
      ...(message.md5OfMessageAttributes === undefined
        ? {}
        : { MD5OfMessageAttributes: message.md5OfMessageAttributes }),
    };
  }

  #batch(entries: (Json & { Id: string })[], run: (entry: Json & { Id: string }) => Json): Json {
    const successful: Json[] = [];
    const failed: Json[] = [];
    for (const entry of entries) {
      try {
        successful.push(run(entry));
      } catch (error) {
        if (!(error instanceof SqsServiceError)) throw error;
        failed.push({ Id: entry.Id, SenderFault: true, Code: error.code, Message: error.message });
      }
    }
    return { Successful: successful, Failed: failed };
  }

  #attributes(queue: LocalQueue, names: readonly string[], now: number): Record<string, string> {
    for (const name of names) {
      if (name !== 'All' && !(QUEUE_ATTRIBUTES as readonly string[]).includes(name)) {
        throw new SqsServiceError('InvalidAttributeName', `Unknown Attribute ${name}.`);
      }
    }
    const counts = queue.counts(now);
    const all: Record<(typeof QUEUE_ATTRIBUTES)[number], string> = {
      ApproximateNumberOfMessages: String(counts.visible),
      ApproximateNumberOfMessagesNotVisible: String(counts.notVisible),
      ApproximateNumberOfMessagesDelayed: String(counts.delayed),
      QueueArn: queue.arn,
      VisibilityTimeout: String(queue.settings.visibilityTimeout),
      MessageRetentionPeriod: String(queue.settings.messageRetentionPeriod),
      DelaySeconds: String(queue.settings.delaySeconds),
      MaximumMessageSize: String(1024 * 1024),
      ReceiveMessageWaitTimeSeconds: '0',
      CreatedTimestamp: String(Math.floor(queue.createdMs / 1000)),
      LastModifiedTimestamp: String(Math.floor(queue.createdMs / 1000)),
      SqsManagedSseEnabled: 'true',
    };
    const keys = names.includes('All') ? QUEUE_ATTRIBUTES : (names as (typeof QUEUE_ATTRIBUTES)[number][]);
    return Object.fromEntries(keys.map((name) => [name, all[name]]));
  }

  #receive(queue: LocalQueue, input: Json, now: number): Json {
    const max = optionalInteger(input, 'MaxNumberOfMessages', 1, 10) ?? 1;
    const visibilityTimeout = optionalInteger(input, 'VisibilityTimeout', 0, 43_200);
    // Long polling has nothing to wait for on a local clock that only moves when told: answers at once.
    optionalInteger(input, 'WaitTimeSeconds', 0, 20);
    const systemNames = [...stringList(input, 'MessageSystemAttributeNames'), ...stringList(input, 'AttributeNames')];
    const attributeNames = stringList(input, 'MessageAttributeNames');
    const received = queue.receive(max, visibilityTimeout, now);
    return {
      Messages: received.map(({ message, receiptHandle }) => {
        const system: Record<(typeof SYSTEM_ATTRIBUTES)[number], string> = {
          SenderId: this.accountId,
          SentTimestamp: String(message.sentMs),
          ApproximateReceiveCount: String(message.receiveCount),
          ApproximateFirstReceiveTimestamp: String(message.firstReceiveMs ?? now),
        };
        const attributes = SYSTEM_ATTRIBUTES.filter(
          (name) => systemNames.includes('All') || systemNames.includes(name),
        );
        const selected = Object.fromEntries(
          Object.entries(message.messageAttributes).filter(([name]) => wanted(name, attributeNames)),
        );
        return {
          MessageId: message.messageId,
          ReceiptHandle: receiptHandle,
          MD5OfBody: message.md5OfBody,
          Body: message.body,
          ...(attributes.length === 0
            ? {}
            : { Attributes: Object.fromEntries(attributes.map((name) => [name, system[name]])) }),
          ...(Object.keys(selected).length === 0
            ? {}
            : { MessageAttributes: selected, MD5OfMessageAttributes: message.md5OfMessageAttributes }),
        };
      }),
    };
  }
}
