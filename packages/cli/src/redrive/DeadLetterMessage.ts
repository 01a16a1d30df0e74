/** A message received from a dead-letter queue, as the redrive reads it. */
export type DeadLetterMessage = {
  messageId: string;
  receiptHandle: string;
  body: string;
  /** The message attributes' string values, by name (`RULE_ARN`, `ERROR_CODE`, ...). */
  attributes: Readonly<Record<string, string>>;
};
