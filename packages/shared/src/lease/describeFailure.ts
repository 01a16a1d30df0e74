/** The longest failure message a lease stores: enough to diagnose, small enough for one item. */
export const FAILURE_MESSAGE_LIMIT = 500;

/**
 * The `failure` a lease stores for an error: its name and its message cut to
 * {@link FAILURE_MESSAGE_LIMIT} characters. Anything thrown that is not an `Error` is named `Error`.
 *
 * @example
 * describeFailure(new TypeError('bad')) // { name: 'TypeError', message: 'bad' }
 */
export const describeFailure = (error: unknown): { name: string; message: string } =>
  error instanceof Error
    ? { name: error.name, message: error.message.slice(0, FAILURE_MESSAGE_LIMIT) }
    : { name: 'Error', message: String(error).slice(0, FAILURE_MESSAGE_LIMIT) };
