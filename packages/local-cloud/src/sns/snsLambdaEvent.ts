/** A message attribute as SNS delivers it to Lambda. */
export type SnsEventMessageAttribute = { Type: string; Value: string };

/** The event SNS invokes a subscribed function with (one record per invocation). */
export type SnsLambdaEvent = {
  Records: {
    EventVersion: '1.0';
    EventSubscriptionArn: string;
    EventSource: 'aws:sns';
    Sns: {
      Type: 'Notification';
      MessageId: string;
      TopicArn: string;
      Subject: string | null;
      Message: string;
      Timestamp: string;
      SignatureVersion: '1';
      Signature: string;
      SigningCertUrl: string;
      UnsubscribeUrl: string;
      MessageAttributes: Record<string, SnsEventMessageAttribute>;
    };
  }[];
};

/**
 * The documented SNS event of a Lambda subscription
 * (https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html): `EventSource` `aws:sns`, the
 * message with its id, topic, subject (`null` without one), time and attributes as
 * `{ Type, Value }` (binary values in base64). The signature is a placeholder: nothing local signs.
 */
export const snsLambdaEvent = (message: {
  messageId: string;
  topicArn: string;
  subscriptionArn: string;
  subject?: string;
  message: string;
  timestamp: Date;
  messageAttributes: Record<string, SnsEventMessageAttribute>;
  region: string;
}): SnsLambdaEvent => ({
  Records: [
    {
      EventVersion: '1.0',
      EventSubscriptionArn: message.subscriptionArn,
      EventSource: 'aws:sns',
      Sns: {
        Type: 'Notification',
        MessageId: message.messageId,
        TopicArn: message.topicArn,
        Subject: message.subject ?? null,
        Message: message.message,
        Timestamp: message.timestamp.toISOString(),
        SignatureVersion: '1',
        Signature: Buffer.from(`local:${message.messageId}`).toString('base64'),
        SigningCertUrl: `https://sns.${message.region}.amazonaws.com/SimpleNotificationService-local.pem`,
        UnsubscribeUrl: `https://sns.${message.region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${message.subscriptionArn}`,
        MessageAttributes: message.messageAttributes,
      },
    },
  ],
});
