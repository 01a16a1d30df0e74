/**
 * What an operator asked `fleet history` or `fleet trace` for cannot be answered as asked: a
 * model, pipeline or dataset the configuration does not name, a `--since` that is not a time.
 * Nothing was read; the message names the value and what would do.
 */
export class AuditInputError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'AuditInputError';
  }
}
