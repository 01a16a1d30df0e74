import type { BusRule, InputTransformer, ScheduledRule, TargetInput } from '../eventbridge/BusRule.js';
import type { LambdaFunction } from '../lambda/LambdaRunner.js';

export type { InputTransformer, TargetInput };

/**
 * A Lambda function of a service, as its `serverless.yml` declares it, resolved locally: what
 * the LambdaRunner runs, with the stack's `service:` and folder.
 *
 * Environment values are resolved to strings; `maximumRetryAttempts` is 2 unless the function
 * sets it.
 */
export type FunctionTarget = LambdaFunction & {
  /** The `service:` of the stack, e.g. `shop-orders`. */
  service: string;
  /** The folder of the service (where its `serverless.yml` is). */
  serviceDir: string;
};

/** Where a rule or event came from, for messages. */
export type SourceLocation = { file: string; line?: number };

/** A rule from an `eventBridge` event of a function. */
export type EventRule = FunctionTarget &
  BusRule & {
    kind: 'eventBridge';
    retryPolicy?: { maximumEventAge?: number; maximumRetryAttempts?: number };
    /** The target's dead-letter queue, resolved when possible. */
    deadLetterQueueArn?: string;
    location: SourceLocation;
  };

/** A rule from a `schedule` event of a function; the local clock fires it. */
export type ScheduleRule = FunctionTarget &
  ScheduledRule & {
    kind: 'schedule';
    location: SourceLocation;
  };

/** An event of a function the local EventBridge does not serve, and why. */
export type SkippedEvent = {
  service: string;
  functionName: string;
  /** The event kind (`eventBridge`, `schedule`, `http`, `sqs`, ...). */
  kind: string;
  reason: string;
  location: SourceLocation;
};
