import { chi2Sf } from './chi2Sf.js';
import { checkNonNegativeNumbers } from './internal/checkNumberArray.js';
import { numpySum } from './internal/numpySum.js';

/** Options of {@link chiSquareContingency}. */
export interface ChiSquareContingencyOptions {
  /** Apply Yates' continuity correction when dof = 1; defaults to true, as in SciPy. */
  readonly correction?: boolean;
}

/** Result of {@link chiSquareContingency}. */
export interface ChiSquareContingencyResult {
  /** Pearson's chi-squared statistic (Yates-corrected when dof = 1 and correction is on); 0 when dof = 0. */
  readonly statistic: number;
  /** chi2.sf(statistic, dof); 1 when dof = 0. */
  readonly pValue: number;
  /** (rows - 1)(columns - 1). */
  readonly dof: number;
  /** Expected frequencies under independence: row total x column total / grand total. */
  readonly expected: number[][];
}

/**
 * Chi-squared test of independence of a two-way contingency table, as SciPy 1.1's `scipy.stats.chi2_contingency`.
 *
 * Compares baseline and current category counts as two rows of one table: unlike the
 * goodness-of-fit form it treats both as samples. With dof = 1 and `correction` on (the
 * default), each observed count moves half a unit towards its expected count, capped at the
 * difference (Yates); dof = 0 gives statistic 0 and p-value 1.
 *
 * Reference: https://docs.scipy.org/doc/scipy-1.10.1/reference/generated/scipy.stats.chi2_contingency.html.
 * Cost: O(r c) for an r x c table.
 *
 * @throws {RangeError} when the table is empty or ragged, holds a negative or non-finite count,
 * or a row or column sums to 0 in a table with a non-zero total (SciPy raises there because an
 * expected frequency would be 0; an all-zero table gives NaN expected frequencies, as in SciPy).
 * @example chiSquareContingency([[50, 50], [60, 40]]).pValue // 0.20082512269514174
 */
export function chiSquareContingency(
  table: number[][],
  options: ChiSquareContingencyOptions = {},
): ChiSquareContingencyResult {
  if (!Array.isArray(table) || table.length === 0) throw new RangeError('table must be a non-empty array of rows');
  const columnCount = Array.isArray(table[0]) ? table[0].length : 0;
  table.forEach((row, rowIndex) => {
    checkNonNegativeNumbers(row, `table[${rowIndex}]`);
    if (row.length !== columnCount) {
      throw new RangeError(`table[${rowIndex}] has ${row.length} columns; table[0] has ${columnCount}`);
    }
  });
  const rowCount = table.length;
  const rowTotals = table.map((row) => numpySum(row));
  // NumPy reduces a C-ordered table over axis 0 row by row, so column totals are running sums.
  const columnTotals = new Array<number>(columnCount).fill(0);
  for (const row of table) {
    for (let column = 0; column < columnCount; column += 1) columnTotals[column] += row[column];
  }
  const grandTotal = numpySum(table.flat());
  // An all-zero table gives 0/0 = NaN expected frequencies, which SciPy lets through (NaN results).
  if (grandTotal > 0) {
    const zeroRow = rowTotals.indexOf(0);
    if (zeroRow >= 0) {
      throw new RangeError(`table[${zeroRow}] sums to 0, so its expected frequencies would be 0`);
    }
    const zeroColumn = columnTotals.indexOf(0);
    if (zeroColumn >= 0) {
      throw new RangeError(`column ${zeroColumn} of table sums to 0, so its expected frequencies would be 0`);
    }
  }
  const expected = rowTotals.map((rowTotal) =>
    columnTotals.map((columnTotal) => (rowTotal * columnTotal) / grandTotal),
  );
  const dof = rowCount * columnCount - (rowCount + columnCount) + 1;
  if (dof === 0) return { statistic: 0, pValue: 1, dof, expected };
  const useYates = dof === 1 && (options.correction ?? true);
  const terms = new Float64Array(rowCount * columnCount);
  for (let row = 0; row < rowCount; row += 1) {
    for (let column = 0; column < columnCount; column += 1) {
      const expectedCount = expected[row][column];
      let observedCount = table[row][column];
      if (useYates) {
        const difference = expectedCount - observedCount;
        observedCount += Math.min(0.5, Math.abs(difference)) * Math.sign(difference);
      }
      terms[row * columnCount + column] = (observedCount - expectedCount) ** 2 / expectedCount;
    }
  }
  const statistic = numpySum(terms);
  return { statistic, pValue: chi2Sf(statistic, dof), dof, expected };
}
