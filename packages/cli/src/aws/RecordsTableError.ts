/**
 * The records table a command should read could not be found: no `--table`, no
 * `FLEET_RECORDS_TABLE` and no stage, or the stage's core stack exports no table name.
 *
 * Nothing was read or written; the message says what to pass.
 */
export class RecordsTableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'RecordsTableError';
  }
}
