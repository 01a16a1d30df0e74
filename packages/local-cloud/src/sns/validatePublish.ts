import { AwsServiceError } from '../http/AwsServiceError.js';
import type { SnsEventMessageAttribute } from './snsLambdaEvent.js';

/** A message attribute as Publish takes it. */
export type SnsMessageAttributeInput = { DataType: string; StringValue?: string; BinaryValue?: string };

/** The largest message SNS publishes: 256 KiB, the message and its attributes together. */
export const MAX_SNS_MESSAGE_BYTES = 262_144;

const TOPIC_ARN = /^arn:aws[a-z-]*:sns:[^:]+:\d{12}:[A-Za-z0-9_-]{1,256}(?:\.fifo)?$/;
const ATTRIBUTE_NAME = /^(?!\.)(?!.*\.\.)(?!.*\.$)[A-Za-z0-9_.-]{1,256}$/;

const invalid = (what: string) => new AwsServiceError('InvalidParameter', `Invalid parameter: ${what}`, 400);
const invalidValue = (message: string) => new AwsServiceError('ParameterValueInvalid', message, 400);

/**
 * Checks a Publish request as SNS does and returns its attributes in the shape delivered to
 * subscribers. Error codes and wording follow SNS (`InvalidParameter`, `ParameterValueInvalid`).
 *
 * @throws AwsServiceError `InvalidParameter` for a missing or malformed TopicArn, an empty
 * message, a subject outside 1-100 characters or a message over 256 KiB with its attributes;
 * `ParameterValueInvalid` for an attribute without a type or value, of an unknown type, or a
 * Number that is not one
 */
export const validatePublish = (input: {
  topicArn?: string;
  message?: string;
  subject?: string;
  messageAttributes?: Record<string, SnsMessageAttributeInput>;
}): Record<string, SnsEventMessageAttribute> => {
  if (input.topicArn === undefined || input.topicArn === '') {
    throw invalid('TopicArn or TargetArn Reason: no value for required parameter');
  }
  if (!TOPIC_ARN.test(input.topicArn)) throw invalid('TopicArn');
  if (input.message === undefined || input.message === '') throw invalid('Empty message');
  if (input.subject !== undefined && (input.subject.length === 0 || input.subject.length > 100)) {
    throw invalid('Subject');
  }
  let size = Buffer.byteLength(input.message);
  const attributes: Record<string, SnsEventMessageAttribute> = {};
  for (const [name, attribute] of Object.entries(input.messageAttributes ?? {})) {
    if (!ATTRIBUTE_NAME.test(name)) {
      throw invalidValue(
        `The message attribute name '${name}' is invalid. Attribute name can contain A-Z, a-z, 0-9, underscore (_), hyphen (-), and period (.) characters.`,
      );
    }
    const type = attribute.DataType ?? '';
    if (type === '')
      throw invalidValue(`The message attribute '${name}' must contain non-empty message attribute type.`);
    const prefix = type.split('.')[0];
    if (!['String', 'Number', 'Binary'].includes(prefix)) {
      throw invalidValue(
        `The message attribute '${name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.`,
      );
    }
    const value = prefix === 'Binary' ? attribute.BinaryValue : attribute.StringValue;
    if (value === undefined || value === '') {
      throw invalidValue(
        `The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${type}'.`,
      );
    }
    if (prefix === 'Number' && !Number.isFinite(Number(value))) {
      throw invalidValue(`Could not cast message attribute '${name}' value to number.`);
    }
    size +=
      Buffer.byteLength(name) +
      Buffer.byteLength(type) +
      (prefix === 'Binary' ? Buffer.from(value, 'base64').length : Buffer.byteLength(value));
    attributes[name] = { Type: type, Value: value };
  }
  if (size > MAX_SNS_MESSAGE_BYTES) throw invalid('Message too long');
  return attributes;
};
