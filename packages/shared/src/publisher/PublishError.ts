/** One entry EventBridge did not accept. */
export type PublishFailure = {
  /** Position of the entry in the list given to `publishAll` (0 for `publish`). */
  index: number;
  detailType: string;
  /** The PutEvents entry error code (for example `AccessDeniedException`), or the SDK error name. */
  errorCode: string;
  errorMessage: string;
};

/**
 * Thrown when events could not be put on the bus: a non-retryable error, retries exhausted, or
 * an entry too large to send.
 *
 * The message lists each failed entry by detail-type, error code and message; it never carries
 * the event detail, which may hold data the logs must not see. Entries not listed were sent.
 */
export class PublishError extends Error {
  readonly failures: PublishFailure[];

  constructor(failures: PublishFailure[], options?: ErrorOptions) {
    const lines = failures.map((f) => `#${f.index} "${f.detailType}": ${f.errorCode}: ${f.errorMessage}`);
    super(`${failures.length} event(s) not published: ${lines.join('; ')}`, options);
    this.name = 'PublishError';
    this.failures = failures;
  }
}
