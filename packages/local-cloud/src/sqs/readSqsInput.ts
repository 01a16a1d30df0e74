import type { SqsMessageAttribute } from './md5OfMessageAttributes.js';
import { SqsServiceError } from './SqsServiceError.js';

type Json = Record<string, unknown>;

/** SQS's answer for a request without a required parameter. */
const missing = (name: string) =>
  new SqsServiceError('MissingParameter', `The request must contain the parameter ${name}.`);

/** SQS's answer for a parameter out of its range or of the wrong kind. */
export const invalidValue = (name: string, value: unknown, reason: string) =>
  new SqsServiceError(
    'InvalidParameterValue',
    `Value ${typeof value === 'string' ? value : JSON.stringify(value)} for parameter ${name} is invalid. Reason: ${reason}`,
  );

/** A required string parameter. @throws SqsServiceError `MissingParameter` or `InvalidParameterValue` */
export const requiredString = (input: Json, name: string): string => {
  const value = input[name];
  if (value === undefined || value === null || value === '') throw missing(name);
  if (typeof value !== 'string') throw invalidValue(name, value, 'Must be a string.');
  return value;
};

/** An optional string parameter. @throws SqsServiceError `InvalidParameterValue` */
export const optionalString = (input: Json, name: string): string | undefined => {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidValue(name, value, 'Must be a string.');
  return value;
};

/** An optional integer within `[min, max]`. @throws SqsServiceError `InvalidParameterValue` */
export const optionalInteger = (input: Json, name: string, min: number, max: number): number | undefined => {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalidValue(name, value, `Must be between ${min} and ${max}, if provided.`);
  }
  return value;
};

/** An optional list of strings. @throws SqsServiceError `InvalidParameterValue` */
export const stringList = (input: Json, name: string): string[] => {
  const value = input[name];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw invalidValue(name, value, 'Must be a list of strings.');
  }
  return value as string[];
};

/** Characters SQS allows in a message body (XML 1.0's, as its documentation lists them). */
const INVALID_BODY_CHARACTER = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
/** The largest message SQS takes (1 MiB), body and attributes together. */
export const MAX_SQS_MESSAGE_BYTES = 1024 * 1024;
const DATA_TYPE = /^(String|Number|Binary)(\..+)?$/;

/**
 * A message to send, checked as SQS checks SendMessage and each SendMessageBatch entry: a body
 * of allowed characters, at most 10 attributes with a String, Number or Binary data type and a
 * value, and at most 1 MiB in all.
 *
 * @throws SqsServiceError `MissingParameter`, `InvalidMessageContents`, `InvalidParameterValue`
 */
export const readMessageToSend = (
  input: Json,
): { body: string; messageAttributes: Record<string, SqsMessageAttribute>; delaySeconds?: number } => {
  const body = requiredString(input, 'MessageBody');
  if (INVALID_BODY_CHARACTER.test(body)) {
    throw new SqsServiceError('InvalidMessageContents', 'Invalid characters found in the MessageBody.');
  }
  const raw = input.MessageAttributes ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw invalidValue('MessageAttributes', raw, 'Must be a map.');
  }
  const entries = Object.entries(raw as Json);
  if (entries.length > 10) {
    throw invalidValue(
      'MessageAttributes',
      entries.length,
      'Number of message attributes [11] exceeds the allowed maximum [10].',
    );
  }
  let size = Buffer.byteLength(body);
  const messageAttributes: Record<string, SqsMessageAttribute> = {};
  for (const [name, value] of entries) {
    const attribute = (value ?? {}) as Json;
    const dataType = attribute.DataType;
    if (typeof dataType !== 'string' || !DATA_TYPE.test(dataType)) {
      throw invalidValue(
        `MessageAttributes.${name}.DataType`,
        dataType,
        'The message attribute data type must be String, Number or Binary.',
      );
    }
    const stringValue = typeof attribute.StringValue === 'string' ? attribute.StringValue : undefined;
    const binaryValue = typeof attribute.BinaryValue === 'string' ? attribute.BinaryValue : undefined;
    if (dataType.startsWith('Binary') ? binaryValue === undefined : stringValue === undefined) {
      throw invalidValue(
        `MessageAttributes.${name}`,
        name,
        `The message attribute '${name}' must contain a non-empty message attribute value.`,
      );
    }
    size += Buffer.byteLength(name) + Buffer.byteLength(dataType) + Buffer.byteLength(stringValue ?? binaryValue ?? '');
    messageAttributes[name] = {
      DataType: dataType,
      ...(stringValue === undefined ? {} : { StringValue: stringValue }),
      ...(binaryValue === undefined ? {} : { BinaryValue: binaryValue }),
    };
  }
  if (size > MAX_SQS_MESSAGE_BYTES) {
    throw invalidValue('MessageBody', `${size} bytes`, `Message must be shorter than ${MAX_SQS_MESSAGE_BYTES} bytes.`);
  }
  const delaySeconds = optionalInteger(input, 'DelaySeconds', 0, 900);
  return { body, messageAttributes, ...(delaySeconds === undefined ? {} : { delaySeconds }) };
};

const BATCH_ENTRY_ID = /^[A-Za-z0-9_-]{1,80}$/;

/**
 * The entries of a batch request, checked as SQS checks them: 1 to 10, ids of letters, digits,
 * `-` and `_` up to 80 characters, all distinct.
 *
 * @throws SqsServiceError `EmptyBatchRequest`, `TooManyEntriesInBatchRequest`, `InvalidBatchEntryId`, `BatchEntryIdsNotDistinct`
 */
export const readBatchEntries = (input: Json): (Json & { Id: string })[] => {
  const entries = input.Entries;
  if (!Array.isArray(entries) || entries.length === 0) {
    throw new SqsServiceError('EmptyBatchRequest', 'There should be at least one entry in the request.');
  }
  if (entries.length > 10) {
    throw new SqsServiceError(
      'TooManyEntriesInBatchRequest',
      `Maximum number of entries per request are 10. You have sent ${entries.length}.`,
    );
  }
  const ids = new Set<string>();
  for (const entry of entries as Json[]) {
    const id = entry?.Id;
    if (typeof id !== 'string' || !BATCH_ENTRY_ID.test(id)) {
      throw new SqsServiceError(
        'InvalidBatchEntryId',
        'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.',
      );
    }
    if (ids.has(id)) throw new SqsServiceError('BatchEntryIdsNotDistinct', `Id ${id} repeated.`);
    ids.add(id);
  }
  return entries as (Json & { Id: string })[];
};
