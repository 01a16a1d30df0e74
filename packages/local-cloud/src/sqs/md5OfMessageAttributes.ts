import { createHash } from 'node:crypto';

/** A message attribute as SQS takes it over JSON (`BinaryValue` base64-encoded). */
export type SqsMessageAttribute = { DataType: string; StringValue?: string; BinaryValue?: string };

const lengthPrefixed = (value: Buffer): Buffer => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(value.length);
  return Buffer.concat([length, value]);
};

/** The MD5 (hex) of a message body, as SQS returns it in `MD5OfMessageBody` / `MD5OfBody`. */
export const md5OfBody = (body: string): string => createHash('md5').update(body, 'utf8').digest('hex');

/**
 * The MD5 (hex) SQS returns in `MD5OfMessageAttributes`: over the attributes sorted by name, each
 * encoded as its name, data type, a transport byte (1 string, 2 binary) and value, every part but
 * the byte prefixed with its 4-byte big-endian length.
 *
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-message-metadata.html
 * @returns undefined when there are no attributes (SQS then returns no digest)
 */
export const md5OfMessageAttributes = (
  attributes: Readonly<Record<string, SqsMessageAttribute>>,
): string | undefined => {
  const names = Object.keys(attributes).sort();
  if (names.length === 0) return undefined;
  const hash = createHash('md5');
  for (const name of names) {
    const { DataType, StringValue, BinaryValue } = attributes[name];
    hash.update(lengthPrefixed(Buffer.from(name, 'utf8')));
    hash.update(lengthPrefixed(Buffer.from(DataType, 'utf8')));
    if (BinaryValue !== undefined) {
      hash.update(Buffer.from([2]));
      hash.update(lengthPrefixed(Buffer.from(BinaryValue, 'base64')));
    } else {
      hash.update(Buffer.from([1]));
      hash.update(lengthPrefixed(Buffer.from(StringValue ?? '', 'utf8')));
    }
  }
  return hash.digest('hex');
};
