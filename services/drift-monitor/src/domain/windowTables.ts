import { ColumnKind, type DataTable, inferColumnKind, parseFiniteNumber } from '@fleet/drift';
import type { DatasetContract } from '@fleet/shared';
import { rowCells } from './readCapturedRows.js';

/** The name the model's predicted class takes in the tables: `prediction`, unless an input is called that. */
export const predictionColumnName = (inputColumns: readonly string[]): string =>
  inputColumns.includes('prediction') ? '_prediction' : 'prediction';

/**
 * The class a captured output stands for: a score in [0, 1] against `threshold` gives the
 * positive or the negative class, anything else is taken as the class itself.
 */
export const predictedClass = (
  output: string,
  classes: { positive: string; negative: string },
  threshold: number,
): string => {
  const score = parseFiniteNumber(output);
  if (score === undefined || score < 0 || score > 1) return output.trim();
  if (Number.isInteger(score) && (String(score) === classes.positive || String(score) === classes.negative)) {
    return String(score);
  }
  return score >= threshold ? classes.positive : classes.negative;
};

/** The baseline's most frequent label other than the positive one, `0` when there is none. */
export const negativeClass = (baseline: DataTable, target: string, positive: string): string => {
  const index = baseline.header.indexOf(target);
  const counts = new Map<string, number>();
  for (const row of baseline.rows) {
    const v = row[index]?.trim() ?? '';
    if (v !== '' && v !== positive) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  let best = '0';
  let most = 0;
  for (const [value, count] of counts) if (count > most) [best, most] = [value, count];
  return best;
};

/**
 * The baseline as the comparison reads it: its columns, with the target copied under the
 * prediction column, so the model's predicted classes in the window are compared with the
 * classes it was trained on, in the same adjusted family as the features.
 */
export const baselineWithPrediction = (
  baseline: DataTable,
  target: string | undefined,
  prediction: string,
): DataTable => {
  const index = target === undefined ? -1 : baseline.header.indexOf(target);
  if (index < 0) return baseline;
  return {
    source: baseline.source,
    header: [...baseline.header, prediction],
    rows: baseline.rows.map((row) => [...row, row[index]]),
  };
};

/**
 * The window's sample as a table: the input columns (a short row padded with empty cells, a long
 * one cut) and, when the baseline has a target, the predicted class.
 */
export const windowTable = (
  rows: readonly { inputs: string[] | string; output: string }[],
  inputColumns: readonly string[],
  source: string,
  prediction?: { column: string; classOf: (output: string) => string },
): DataTable => {
  const width = inputColumns.length;
  return {
    source,
    header: prediction === undefined ? [...inputColumns] : [...inputColumns, prediction.column],
    rows: rows.map((row) => {
      const inputs = rowCells(row.inputs);
      const cells = inputs.length === width ? [...inputs] : Array.from({ length: width }, (_, i) => inputs[i] ?? '');
      if (prediction !== undefined) cells.push(prediction.classOf(row.output));
      return cells;
    }),
  };
};

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
