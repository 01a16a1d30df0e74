import { IssueCode } from './IssueCode.js';

const NON_FINITE = /^[+-]?(nan|inf|infinity|1\.#inf|1\.#ind|1\.#qnan)$/i;
const THOUSANDS = /^[+-]?\d{1,3}([,. '_]\d{3})+([.,]\d+)?$/;

/**
 * Explains why a cell of a numeric column is not a number, with the issue code to report.
 *
 * Runs only on cells that failed `parseDecimal`, so it can afford regular expressions. A value
 * that parses but is infinite (`1e999`) is non-finite too.
 */
export const describeBadNumber = (text: string, integerOnly: boolean): { code: IssueCode; reason: string } => {
  const shown = JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}...` : text);
  const overflows = text === text.trim() && Math.abs(Number(text)) === Number.POSITIVE_INFINITY;
  if (NON_FINITE.test(text) || overflows)
    return { code: IssueCode.nonFiniteNumber, reason: `${shown} is not a finite number` };
  const code = integerOnly ? IssueCode.notAnInteger : IssueCode.notANumber;
  const kind = integerOnly ? 'an integer' : 'a number';
  if (text !== text.trim()) return { code, reason: `${shown} is not ${kind} (leading or trailing whitespace)` };
  if (THOUSANDS.test(text)) return { code, reason: `${shown} is not ${kind} (thousands separators are not allowed)` };
  if (integerOnly && Number.isFinite(Number(text)) && text.trim() !== '') {
    return { code, reason: `${shown} is not an integer (write integers as digits only)` };
  }
  return { code, reason: `${shown} is not ${kind}` };
};
