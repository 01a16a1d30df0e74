import type { ColumnProfile } from './ColumnProfile.js';

/**
 * The profile of a dataset (or of one partition of it): JSON-serialisable and mergeable.
 *
 * `rows` counts the data rows whose values were profiled (ragged rows and repeated header
 * lines are not), and `columns` is keyed by the contract's column names.
 */
export type DatasetProfile = {
  rows: number;
  columns: Record<string, ColumnProfile>;
};
