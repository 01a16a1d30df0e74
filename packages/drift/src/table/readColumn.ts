import { DriftInputError } from '../DriftInputError.js';
import { ColumnKind } from './ColumnKind.js';
import type { DataTable } from './DataTable.js';
import { parseFiniteNumber } from './parseFiniteNumber.js';

/** A column's present values, typed by its kind, and how many cells were missing. */
export type TypedColumn =
  | { kind: typeof ColumnKind.numeric; values: Float64Array; missing: number }
  | { kind: typeof ColumnKind.categorical; values: string[]; missing: number };

/**
 * Reads one column of a table as numbers or as category labels, leaving out missing cells.
 *
 * A cell is missing when it is one of `nullValues` (compared after trimming blanks), so the
 * statistics see only present values and the counts say how many were dropped.
 *
 * @throws DriftInputError naming the source, line and column when a numeric cell is not a
 *   finite decimal number, or when the column is absent
 */
export const readColumn = (table: DataTable, name: string, kind: ColumnKind, nullValues: string[]): TypedColumn => {
  const index = table.header.indexOf(name);
  if (index < 0) throw new DriftInputError(`${table.source}: no column "${name}"`);
  const nulls = new Set(nullValues.map((v) => v.trim()));
  if (kind === ColumnKind.categorical) {
    const values: string[] = [];
    for (const row of table.rows) {
      const cell = row[index];
      if (!nulls.has(cell.trim())) values.push(cell);
    }
    return { kind, values, missing: table.rows.length - values.length };
  }
  const values = new Float64Array(table.rows.length);
  let count = 0;
  table.rows.forEach((row, i) => {
    const cell = row[index];
    if (nulls.has(cell.trim())) return;
    const value = parseFiniteNumber(cell);
    if (value === undefined) {
      const line = table.lines?.[i];
      const where = line === undefined ? `${table.source}: row ${i + 1}` : `${table.source}:${line}`;
      throw new DriftInputError(`${where}: column "${name}": "${cell}" is not a number`);
    }
    values[count++] = value;
  });
  return { kind, values: values.slice(0, count), missing: table.rows.length - count };
};
