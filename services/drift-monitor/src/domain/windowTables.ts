import type { DataTable } from '@fleet/drift';
import { rowCells } from './readCapturedRows.js';

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
      // A line kept whole is split into a new array; a row already split is the sample's own, so copied.
      const cells =
        inputs.length !== width
          ? Array.from({ length: width }, (_, i) => inputs[i] ?? '')
          : typeof row.inputs === 'string'
            ? inputs
            : [...inputs];
      if (prediction !== undefined) cells.push(prediction.classOf(row.output));
      return cells;
    }),
  };
};
