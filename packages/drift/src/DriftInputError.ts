/**
 * Thrown when the data or the drift settings cannot be analysed: a malformed CSV, a value
 * that is not a number in a numeric column, a column missing from one side, a test that
 * does not fit a column's kind.
 *
 * The message names where the problem is (file and line, column, or settings field), so a
 * caller can show it as is; the CLI maps it to exit code 2.
 */
export class DriftInputError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DriftInputError';
  }
}
