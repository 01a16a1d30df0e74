/**
 * What an operator asked `fleet pause`, `fleet resume` or `fleet rollback` for cannot be done as
 * asked: a model the configuration does not name, a bad `--to`. Nothing was read or written; the
 * message names the value and what would do.
 */
export class OperationInputError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'OperationInputError';
  }
}
