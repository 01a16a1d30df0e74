/**
 * The kinds of audit records in the records table.
 *
 * An `as const` object rather than an enum, so values are plain strings in DynamoDB and in
 * events, and the type is the union of the values.
 */
export const RecordKind = {
  validation: 'validation',
  trigger: 'trigger',
  drift: 'drift',
  approval: 'approval',
  /** A model package deployed to an endpoint: what makes it the model's champion. */
  deployment: 'deployment',
  delivery: 'delivery',
  /** An operator paused or resumed a model's retraining or deployments. */
  pause: 'pause',
  /** An operator re-sent a dead letter to where it failed. */
  redrive: 'redrive',
  idempotency: 'idempotency',
} as const;

/** One of the {@link RecordKind} values. */
export type RecordKindValue = (typeof RecordKind)[keyof typeof RecordKind];
