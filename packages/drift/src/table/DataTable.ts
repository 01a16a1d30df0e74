/**
 * A table of text cells with its header, as read from a CSV file or a capture log.
 *
 * Cells stay text until the column kinds are known (from a contract or inferred from both
 * sides), so the same table serves numeric and categorical use. `lines` holds the source
 * line of each row, for error messages; it may be omitted when rows have no line.
 */
export type DataTable = {
  /** Where the rows came from (a file name or an S3 key), used in messages. */
  source: string;
  header: string[];
  rows: string[][];
  lines?: number[];
};
