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
 * An EventBridge rule with one Lambda target, as the local bus routes it.
 *
 * Whoever declares the rules (the `serverless.yml` reader, a test) hands them over in this
 * shape; the bus knows nothing of where they were written.
 */
export type BusRule = TargetInput & {
  ruleName: string;
  /** `default` for AWS services' events, `custom` for the stack's custom bus. */
  bus: 'default' | 'custom';
  pattern: Record<string, unknown>;
  /** The target function, by deployed name. */
  deployedName: string;
};

/** A schedule rule with one Lambda target: the clock fires it, the bus delivers and logs it. */
export type ScheduledRule = TargetInput & {
  ruleName: string;
  /** The target function, by deployed name. */
  deployedName: string;
  schedule: {
    /** `rate(...)` and `cron(...)` expressions, as written. */
    expressions: string[];
    /** `eventBus` for EventBridge schedule rules (the default), `scheduler` for EventBridge Scheduler. */
    method: 'eventBus' | 'scheduler';
    timezone?: string;
  };
};
