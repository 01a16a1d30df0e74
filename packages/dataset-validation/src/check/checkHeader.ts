import type { DatasetContract } from '@fleet/shared/contract';
import { detectDelimiter } from '../csv/detectDelimiter.js';
import { IssueCode } from './IssueCode.js';
import type { IssueCollector } from './IssueCollector.js';

/** What the header decides: which contract column each field is, and whether to go on. */
export type HeaderPlan = {
  /** For each header field, the contract column it is checked as, or null (extra, duplicate). */
  columns: (string | null)[];
  /** False when the header makes every row meaningless (a wrong delimiter). */
  proceed: boolean;
};

/**
 * Checks a header line against the contract and maps its fields to contract columns.
 *
 * Reports empty and duplicate names, a one-field header that looks delimited by another
 * character, missing columns, unexpected columns (`extraColumns: reject`) and, with
 * `ordered: true`, the first column out of order. A duplicated contract column is checked
 * in its first position only.
 */
export const checkHeader = (
  names: string[],
  line: number,
  contract: DatasetContract,
  issues: IssueCollector,
): HeaderPlan => {
  const expected = Object.keys(contract.columns);
  if (names.length === 1 && expected.length > 1 && !(names[0] in contract.columns)) {
    const guess = detectDelimiter(names[0], contract.format.delimiter);
    if (guess !== null) {
      issues.add(IssueCode.wrongDelimiter, () => ({
        message: `the header has one field but looks delimited by ${JSON.stringify(guess.delimiter)} (found ${guess.count} times); the contract says ${JSON.stringify(contract.format.delimiter)}`,
        line,
      }));
      return { columns: [], proceed: false };
    }
  }
  const seen = new Map<string, number>();
  const columns: (string | null)[] = names.map((name, index) => {
    if (name === '') {
      issues.add(IssueCode.emptyColumnName, () => ({ message: `header field ${index + 1} has no name`, line }));
      return null;
    }
    const first = seen.get(name);
    if (first !== undefined) {
      issues.add(IssueCode.duplicateColumn, () => ({
        message: `column ${JSON.stringify(name)} appears at positions ${first + 1} and ${index + 1}`,
        line,
        column: name,
      }));
      return null;
    }
    seen.set(name, index);
    if (name in contract.columns) return name;
    if (contract.extraColumns === 'reject') {
      issues.add(IssueCode.unexpectedColumn, () => ({
        message: `column ${JSON.stringify(name)} is not in the contract (extraColumns: reject)`,
        line,
        column: name,
      }));
    }
    return null;
  });
  for (const name of expected) {
    if (!seen.has(name)) {
      issues.add(IssueCode.missingColumn, () => ({
        message: `column ${JSON.stringify(name)} is missing from the header`,
        line,
        column: name,
      }));
    }
  }
  if (contract.ordered) {
    const present = columns.filter((name): name is string => name !== null);
    const wanted = expected.filter((name) => seen.has(name));
    const at = present.findIndex((name, k) => name !== wanted[k]);
    if (at >= 0) {
      issues.add(IssueCode.columnOrder, () => ({
        message: `column ${JSON.stringify(present[at])} is where the contract expects ${JSON.stringify(wanted[at])} (ordered: true)`,
        line,
        column: present[at],
      }));
    }
  }
  return { columns, proceed: true };
};
