import { AwsServiceError } from '../http/AwsServiceError.js';

/**
 * The codes SQS gives its errors on the query-compatible JSON protocol (the
 * `x-amzn-query-error` header), by the error's name in the model, as client-sqs 3.1142.0 lists them.
 */
const QUERY_CODES: Readonly<Record<string, string>> = {
  QueueDoesNotExist: 'AWS.SimpleQueueService.NonExistentQueue',
  EmptyBatchRequest: 'AWS.SimpleQueueService.EmptyBatchRequest',
  TooManyEntriesInBatchRequest: 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
  BatchEntryIdsNotDistinct: 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct',
  InvalidBatchEntryId: 'AWS.SimpleQueueService.InvalidBatchEntryId',
  BatchRequestTooLong: 'AWS.SimpleQueueService.BatchRequestTooLong',
  MessageNotInflight: 'AWS.SimpleQueueService.MessageNotInflight',
  PurgeQueueInProgress: 'AWS.SimpleQueueService.PurgeQueueInProgress',
  UnsupportedOperation: 'AWS.SimpleQueueService.UnsupportedOperation',
};

const STATUS: Readonly<Record<string, number>> = {
  ReceiptHandleIsInvalid: 404,
  PurgeQueueInProgress: 403,
};

/**
 * An error the local SQS answers, by its name in the SQS model (`QueueDoesNotExist`,
 * `ReceiptHandleIsInvalid`, `InvalidParameterValue`...), with the status and query-compatible
 * code (`AWS.SimpleQueueService.NonExistentQueue`) SQS gives it.
 */
export class SqsServiceError extends AwsServiceError {
  /** The `x-amzn-query-error` code (the error's name when SQS gives it no other). */
  readonly queryCode: string;

  constructor(name: string, message: string, options?: ErrorOptions) {
    super(name, message, STATUS[name] ?? 400, options);
    this.name = 'SqsServiceError';
    this.queryCode = QUERY_CODES[name] ?? name;
  }
}

/** SQS's answer for a queue URL or name it does not know. */
export const queueDoesNotExist = (queue: string): SqsServiceError =>
  new SqsServiceError('QueueDoesNotExist', `The specified queue does not exist: ${queue}`);
