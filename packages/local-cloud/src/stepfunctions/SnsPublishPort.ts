/** A message an `arn:aws:states:::sns:publish` task sends, in the SNS stand-in's `publish` shape. */
export type SnsPublishInput = {
  topicArn: string;
  message: string;
  subject?: string;
  messageAttributes?: Record<string, { DataType: string; StringValue?: string }>;
};

/**
 * The port through which the local Step Functions publishes to SNS: the SNS stand-in's
 * `publish` (it throws an `AwsServiceError` `NotFound` for an unknown topic).
 *
 * Without one, an `sns:publish` task fails with `LocalCloud.SnsNotAvailable`.
 */
export type SnsPublishPort = {
  publish(input: SnsPublishInput): Promise<{ messageId: string }>;
};
