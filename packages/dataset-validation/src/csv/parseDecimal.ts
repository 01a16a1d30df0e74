const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);
const ZERO = 0x30;
const PLUS = 0x2b;
const MINUS = 0x2d;
const DOT = 0x2e;

const latin1 = (data: Uint8Array, start: number, end: number) =>
  Buffer.from(data.buffer, data.byteOffset + start, end - start).toString('latin1');

/**
 * Parses a plain decimal number written in bytes `[start, end)`, or returns NaN.
 *
 * The grammar is strict: an optional sign, digits with at most one decimal point, and (unless
 * `integerOnly`) an optional exponent; no spaces, thousands separators, hex, `NaN` or
 * `Infinity`. Numbers of up to 15 significant digits with a power of ten up to 22 take
 * Clinger's fast path (one exact integer and one correctly rounded multiplication or
 * division, so the result equals `Number(text)`); the rest fall back to `Number`. O(length).
 *
 * @example parseDecimal(new TextEncoder().encode('100.23'), 0, 6, false) // 100.23
 */
export const parseDecimal = (data: Uint8Array, start: number, end: number, integerOnly: boolean): number => {
  let i = start;
  let negative = false;
  if (i < end && (data[i] === MINUS || data[i] === PLUS)) {
    negative = data[i] === MINUS;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  let digit = 0;
  while (i < end && (digit = data[i] - ZERO) >= 0 && digit <= 9) {
    mantissa = mantissa * 10 + digit;
    digits++;
    i++;
  }
  if (i < end && data[i] === DOT) {
    if (integerOnly) return Number.NaN;
    i++;
    while (i < end && (digit = data[i] - ZERO) >= 0 && digit <= 9) {
      mantissa = mantissa * 10 + digit;
      digits++;
      scale--;
      i++;
    }
  }
  if (digits === 0) return Number.NaN;
  if (i < end && (data[i] | 0x20) === 0x65) {
    if (integerOnly) return Number.NaN;
    i++;
    let exponentNegative = false;
    if (i < end && (data[i] === MINUS || data[i] === PLUS)) {
      exponentNegative = data[i] === MINUS;
      i++;
    }
    let exponent = 0;
    let exponentDigits = 0;
    while (i < end && (digit = data[i] - ZERO) >= 0 && digit <= 9) {
      if (exponent < 100000) exponent = exponent * 10 + digit;
      exponentDigits++;
      i++;
    }
    if (exponentDigits === 0) return Number.NaN;
    scale += exponentNegative ? -exponent : exponent;
  }
  if (i !== end) return Number.NaN;
  let value: number;
  if (digits <= 15 && scale >= -22 && scale <= 22) {
    value = scale < 0 ? mantissa / POWERS_OF_TEN[-scale] : mantissa * POWERS_OF_TEN[scale];
  } else {
    value = Math.abs(Number(latin1(data, start, end)));
  }
  return negative ? -value : value;
};
