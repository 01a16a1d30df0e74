import { ColumnKind } from './ColumnKind.js';
import type { DataTable } from './DataTable.js';
import { parseFiniteNumber } from './parseFiniteNumber.js';

/**
 * Infers a column's kind from its values when no contract declares it.
 *
 * Numeric when every present (non-null) value in every table parses as a finite decimal
 * number, otherwise categorical; a column with no present value at all is categorical.
 * Looking at both sides keeps one kind for the comparison.
 */
export const inferColumnKind = (name: string, tables: DataTable[], nullValues: string[]): ColumnKind => {
  const nulls = new Set(nullValues.map((v) => v.trim()));
  let present = 0;
  for (const table of tables) {
    const index = table.header.indexOf(name);
    if (index < 0) continue;
    for (const row of table.rows) {
      const cell = row[index];
      if (nulls.has(cell.trim())) continue;
      if (parseFiniteNumber(cell) === undefined) return ColumnKind.categorical;
      present++;
    }
  }
  return present > 0 ? ColumnKind.numeric : ColumnKind.categorical;
};
