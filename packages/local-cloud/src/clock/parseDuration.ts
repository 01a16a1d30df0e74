import { InvalidDurationError } from './errors.js';

/** A length of time: milliseconds, or a string such as `'90s'`, `'1h30m'` or `'PT15M'`. */
export type DurationInput = number | string;

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

const SHORT_FORM = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)/;
const ISO_FORM = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * Converts a duration to milliseconds.
 *
 * Accepts what people write in tests and demos: a number of milliseconds, a sequence of
 * `<number><unit>` parts (`ms`, `s`, `m`, `h`, `d`; `'1h30m'`), or an ISO 8601 duration with
 * days, hours, minutes and seconds (`'P1DT2H'`). Months and years are refused: their length
 * depends on the calendar.
 *
 * @throws InvalidDurationError when the input is negative, not finite or not in one of these forms.
 * @example parseDuration('1h30m') // 5400000
 */
export const parseDuration = (input: DurationInput): number => {
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || input < 0) throw new InvalidDurationError(input);
    return input;
  }
  if (typeof input !== 'string') throw new InvalidDurationError(input);
  const text = input.trim();
  if (text === '') throw new InvalidDurationError(input);
  const iso = ISO_FORM.exec(text);
  if (iso && text !== 'P' && !text.endsWith('T')) {
    const [, days, hours, minutes, seconds] = iso;
    return Math.round(
      Number(days ?? 0) * UNIT_MS.d +
        Number(hours ?? 0) * UNIT_MS.h +
        Number(minutes ?? 0) * UNIT_MS.m +
        Number(seconds ?? 0) * UNIT_MS.s,
    );
  }
  let rest = text;
  let total = 0;
  while (rest.length > 0) {
    const part = SHORT_FORM.exec(rest);
    if (!part) throw new InvalidDurationError(input);
    total += Number(part[1]) * UNIT_MS[part[2]];
    rest = rest.slice(part[0].length).trimStart();
  }
  return Math.round(total);
};
