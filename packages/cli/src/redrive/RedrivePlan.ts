/** Where a dead letter came from, as the redrive record names it. */
export type DeadLetterSource = 'lambda-destination' | 'eventbridge-target' | 'sns-subscription';

/** What re-sending a dead letter means. */
export type RedriveAction =
  /** An asynchronous (`Event`) Lambda invocation. */
  | { type: 'invoke'; functionArn: string; payload: unknown }
  /** A Step Functions execution. */
  | { type: 'startExecution'; stateMachineArn: string; input: string }
  /** The SNS message, re-wrapped as an SNS event for each function subscribed with this queue as its dead-letter queue. */
  | { type: 'snsSubscribers'; topicArn: string; notification: SnsNotification };

/** An SNS notification as SNS sends it (the JSON body SNS puts in a subscription's dead-letter queue). */
export type SnsNotification = {
  Type: string;
  MessageId: string;
  TopicArn: string;
  Subject?: string;
  Message: string;
  Timestamp: string;
  SignatureVersion?: string;
  Signature?: string;
  SigningCertURL?: string;
  UnsubscribeURL?: string;
  MessageAttributes?: Record<string, { Type: string; Value: string }>;
};

/** A dead letter the redrive understands: where it failed, what to re-send, and why it failed. */
export type RedrivePlan = {
  kind: 'redrive';
  source: DeadLetterSource;
  action: RedriveAction;
  /** The payload's correlation id, when it carries one. */
  correlationId?: string;
  errorCode?: string;
  errorMessage?: string;
};

/** A dead letter the redrive leaves in the queue, and why. */
export type Unredrivable = { kind: 'keep'; reason: string };
