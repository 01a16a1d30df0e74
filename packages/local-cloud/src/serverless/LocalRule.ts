import type { LambdaFunction } from '../lambda/LambdaRunner.js';

/** An `inputTransformer` as a rule target declares it. */
export type InputTransformer = {
  /** Variable name to JSONPath into the event (e.g. `{ key: '$.detail.object.key' }`). */
  inputPathsMap?: Record<string, string>;
  /** The template, with `<variable>` placeholders. */
  inputTemplate: string;
};

/** How a target is given its event: as is, or by one of EventBridge's input options. */
export type TargetInput = {
  /** A fixed JSON value sent instead of the event. */
  input?: unknown;
  /** A JSONPath selecting the part of the event to send (e.g. `$.detail`). */
  inputPath?: string;
  inputTransformer?: InputTransformer;
};

/**
 * A Lambda function of a service, as its `serverless.yml` declares it, resolved locally: what
 * the LambdaRunner runs, with the stack's `service:` and folder.
 *
 * Environment values are resolved to strings; `maximumRetryAttempts` is 2 unless the function
 * sets it.
 */
export type FunctionTarget = LambdaFunction & {
  /** The `service:` of the stack, e.g. `fleet-trigger-retraining`. */
  service: string;
  /** The folder of the service (where its `serverless.yml` is). */
  serviceDir: string;
};

/** Where a rule or event came from, for messages. */
export type SourceLocation = { file: string; line?: number };

/** A rule from an `eventBridge` event of a function. */
export type EventRule = FunctionTarget &
  TargetInput & {
    kind: 'eventBridge';
    /** The rule name the framework gives it: `name:` or `<deployedName>-rule-<n>`. */
    ruleName: string;
    /** `fleet` for the fleet bus (`Fn::ImportValue` of `fleet-<stage>-EventBusName`), `default` when no bus is named. */
    bus: 'default' | 'fleet';
    pattern: Record<string, unknown>;
    retryPolicy?: { maximumEventAge?: number; maximumRetryAttempts?: number };
    /** The target's dead-letter queue, resolved when possible. */
    deadLetterQueueArn?: string;
    location: SourceLocation;
  };

/** A rule from a `schedule` event of a function; the local clock fires it. */
export type ScheduleRule = FunctionTarget &
  TargetInput & {
    kind: 'schedule';
    ruleName: string;
    schedule: {
      /** `rate(...)` and `cron(...)` expressions, as written. */
      expressions: string[];
      /** `eventBus` for EventBridge schedule rules (the default), `scheduler` for EventBridge Scheduler. */
      method: 'eventBus' | 'scheduler';
      timezone?: string;
    };
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
