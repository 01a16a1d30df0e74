import { ColumnKind, type DataTable, inferColumnKind, parseFiniteNumber } from '@fleet/drift';
import type { DatasetContract } from '@fleet/shared';

/**
 * The numeric features: by the contract where it declares them (integer and number columns
 * without a list of values), else those whose baseline values are all numbers.
 */
export const numericColumns = (
  baseline: DataTable,
  columns: readonly string[],
  contract: DatasetContract | undefined,
  nullValues: string[],
): string[] =>
  columns.filter((name) => {
    if (!baseline.header.includes(name)) return false;
    const spec = contract?.columns[name];
    if (spec !== undefined) return (spec.type === 'integer' || spec.type === 'number') && spec.values === undefined;
    return inferColumnKind(name, [baseline], nullValues) === ColumnKind.numeric;
  });

/**
 * Sets aside the window's values of numeric features that are not numbers (they become missing,
 * so one bad request cannot stop the comparison) and counts them per feature for the
 * `data_type_check`.
 */
export const setAsideNonNumeric = (
  table: DataTable,
  numeric: readonly string[],
  nullValues: string[],
): Record<string, number> => {
  const nulls = new Set(nullValues.map((v) => v.trim()));
  const counts: Record<string, number> = {};
  for (const name of numeric) {
    const index = table.header.indexOf(name);
    if (index < 0) continue;
    let wrong = 0;
    for (const row of table.rows) {
      const cell = row[index];
      if (nulls.has(cell.trim())) continue;
      if (parseFiniteNumber(cell) === undefined) {
        wrong++;
        row[index] = '';
      }
    }
    if (wrong > 0) counts[name] = wrong;
  }
  return counts;
};

/** Per categorical feature, the share of the window's present values not among the baseline's. */
export const unknownCategoryShares = (
  baseline: DataTable,
  current: DataTable,
  categorical: readonly string[],
  nullValues: string[],
): Record<string, number> => {
  const nulls = new Set(nullValues.map((v) => v.trim()));
  const shares: Record<string, number> = {};
  for (const name of categorical) {
    const b = baseline.header.indexOf(name);
    const c = current.header.indexOf(name);
    if (b < 0 || c < 0) continue;
    const known = new Set(baseline.rows.map((row) => row[b]));
    let present = 0;
    let unknown = 0;
    for (const row of current.rows) {
      if (nulls.has(row[c].trim())) continue;
      present++;
      if (!known.has(row[c])) unknown++;
    }
    shares[name] = present === 0 ? 0 : unknown / present;
  }
  return shares;
};
