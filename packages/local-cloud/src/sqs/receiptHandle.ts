/** What a receipt handle stands for: one receive of one message of one queue. */
export type ReceiptHandleParts = { queueName: string; messageId: string; receive: number };

/** The receipt handle of a receive (opaque to clients, as SQS's are). */
export const encodeReceiptHandle = (parts: ReceiptHandleParts): string =>
  Buffer.from(JSON.stringify([parts.queueName, parts.messageId, parts.receive]), 'utf8').toString('base64url');

/** Reads a receipt handle back; undefined when it is not one this SQS gave out. */
export const decodeReceiptHandle = (handle: string): ReceiptHandleParts | undefined => {
  try {
    const parts: unknown = JSON.parse(Buffer.from(handle, 'base64url').toString('utf8'));
    if (
      Array.isArray(parts) &&
      parts.length === 3 &&
      typeof parts[0] === 'string' &&
      typeof parts[1] === 'string' &&
      Number.isInteger(parts[2])
    ) {
      return { queueName: parts[0], messageId: parts[1], receive: parts[2] as number };
    }
  } catch {
    // Not base64url JSON: not one of ours, answered as invalid below.
  }
  return undefined;
};
