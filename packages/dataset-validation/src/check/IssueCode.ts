/**
 * Stable codes for every problem `validateDataset` can report.
 *
 * Codes are part of the public interface: they appear in records, events (`issueCounts`) and
 * `fleet validate --json`, so they are only ever added, never renamed.
 */
export const IssueCode = {
  /** No bytes, only a byte-order mark or blank lines, or a header without data rows. */
  emptyFile: 'empty_file',
  /** Bytes that are not UTF-8 (UTF-16 and UTF-32 included). */
  invalidEncoding: 'invalid_encoding',
  /** A NUL byte, usually the sign of a binary or UTF-16 file. */
  nulByte: 'nul_byte',
  /** The header splits into one field but looks delimited by another character. */
  wrongDelimiter: 'wrong_delimiter',
  /** A row with more or fewer fields than the header. */
  raggedRow: 'ragged_row',
  /** A quoted field still open at the end of the file. */
  unterminatedQuote: 'unterminated_quote',
  /** A quote inside an unquoted field, or text after a closing quote. */
  bareQuote: 'bare_quote',
  /** Two header fields with the same name. */
  duplicateColumn: 'duplicate_column',
  /** A header field that is empty. */
  emptyColumnName: 'empty_column_name',
  /** A column of the contract absent from the header. */
  missingColumn: 'missing_column',
  /** A header column the contract does not list (with `extraColumns: reject`). */
  unexpectedColumn: 'unexpected_column',
  /** Columns out of the contract's order (with `ordered: true`). */
  columnOrder: 'column_order',
  /** A null (by default an empty cell) in a column that is not nullable. */
  missingValue: 'missing_value',
  /** `NaN`, `Infinity` and friends, or a number too large for a double. */
  nonFiniteNumber: 'non_finite_number',
  /** Text in a `number` column that is not a plain decimal number. */
  notANumber: 'not_a_number',
  /** Text in an `integer` column that is not a plain integer. */
  notAnInteger: 'not_an_integer',
  /** Text in a `boolean` column other than true/false (any case) or 1/0. */
  notABoolean: 'not_a_boolean',
  /** Text in a `timestamp` column that is not an RFC 3339 date or date-time with offset. */
  notATimestamp: 'not_a_timestamp',
  /** A value below the column's `min`. */
  belowMin: 'below_min',
  /** A value above the column's `max`. */
  aboveMax: 'above_max',
  /** A value outside the column's `values`. */
  notInValues: 'not_in_values',
  /** A value the column's `pattern` does not match as a whole. */
  patternMismatch: 'pattern_mismatch',
  /** A value seen before in a `unique` column. */
  duplicateValue: 'duplicate_value',
  /** A data row equal to the header line. */
  repeatedHeader: 'repeated_header',
  /** A field longer than `limits.maxFieldBytes`. */
  fieldTooLong: 'field_too_long',
  /** Fewer data rows than `rows.min`. */
  tooFewRows: 'too_few_rows',
  /** More data rows than `rows.max`. */
  tooManyRows: 'too_many_rows',
  /** A column whose share of nulls exceeds its `maxNullFraction`. */
  nullFractionExceeded: 'null_fraction_exceeded',
  /** A binary target whose share of positives is outside `target.positiveRate`. */
  positiveRateOutOfRange: 'positive_rate_out_of_range',
  /** A class of the target whose share is below `target.minClassShare`. */
  classShareTooLow: 'class_share_too_low',
} as const;

/** One of the stable issue codes, for example `ragged_row`. */
export type IssueCode = (typeof IssueCode)[keyof typeof IssueCode];
