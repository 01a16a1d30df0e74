import type { IssueCode } from './IssueCode.js';

/**
 * One problem found in a dataset, located as precisely as it is known.
 *
 * `line` is the physical line of the file (1-based, counting CRLF as one break and the
 * newlines inside quoted fields), `row` the data row (1-based, the header and blank lines not
 * counted) and `column` the header name. File-level issues have none of them.
 */
export type Issue = {
  code: IssueCode;
  message: string;
  line?: number;
  row?: number;
  column?: string;
};
