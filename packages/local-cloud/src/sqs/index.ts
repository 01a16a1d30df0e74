export { LocalQueue, type QueueCounts, type QueuedMessage, type QueueSettings } from './LocalQueue.js';
export { LocalSqs, type QueueDefinition } from './LocalSqs.js';
export { md5OfBody, md5OfMessageAttributes, type SqsMessageAttribute } from './md5OfMessageAttributes.js';
export { MAX_SQS_MESSAGE_BYTES } from './readSqsInput.js';
export { SqsServiceError } from './SqsServiceError.js';
export { type DeadLetterQueues, SqsStandIn, type UndeliveredDeadLetter } from './SqsStandIn.js';
export { sqsHttpHandler } from './sqsHttpHandler.js';
