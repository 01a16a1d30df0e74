import type { SnsNotification } from './RedrivePlan.js';

/**
 * The Lambda event SNS would have delivered for a notification (`Records[0].Sns`), for the
 * subscription `subscriptionArn`: what a function subscribed to a topic receives.
 */
export const snsEventOf = (notification: SnsNotification, subscriptionArn: string) => ({
  Records: [
    {
      EventSource: 'aws:sns',
      EventVersion: '1.0',
      EventSubscriptionArn: subscriptionArn,
      Sns: {
        Type: notification.Type,
        MessageId: notification.MessageId,
        TopicArn: notification.TopicArn,
        Subject: notification.Subject ?? null,
        Message: notification.Message,
        Timestamp: notification.Timestamp,
        SignatureVersion: notification.SignatureVersion ?? '1',
        Signature: notification.Signature ?? '',
        SigningCertUrl: notification.SigningCertURL ?? '',
        UnsubscribeUrl: notification.UnsubscribeURL ?? '',
        MessageAttributes: notification.MessageAttributes ?? {},
      },
    },
  ],
});
