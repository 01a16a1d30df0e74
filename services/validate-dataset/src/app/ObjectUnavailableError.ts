/** Why an object version could not be read. */
export type ObjectUnavailableReason = 'gone' | 'changed';

/**
 * Thrown by a `DatasetObjectStore` when the object version an event names cannot be read:
 * deleted since (`gone`), or overwritten since in an unversioned bucket (`changed`, the etag no
 * longer matches).
 *
 * Not a failure of validation: the newer object has its own event, so the use case skips this one
 * instead of letting Lambda retry it into the dead-letter queue.
 */
export class ObjectUnavailableError extends Error {
  readonly reason: ObjectUnavailableReason;

  constructor(reason: ObjectUnavailableReason, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ObjectUnavailableError';
    this.reason = reason;
  }
}
