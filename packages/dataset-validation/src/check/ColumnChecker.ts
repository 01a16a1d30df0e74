import type { ColumnSpec } from '@fleet/shared/contract';
import { parseBoolean } from '../csv/parseBoolean.js';
import { parseDecimal } from '../csv/parseDecimal.js';
import { parseTimestamp } from '../csv/parseTimestamp.js';
import type { ColumnProfile } from '../profile/ColumnProfile.js';
import { ColumnProfiler } from '../profile/ColumnProfiler.js';
import { mergeValueCounts } from '../profile/ValueCounter.js';
import { CategoryMatcher } from './CategoryMatcher.js';
import { describeBadNumber } from './describeBadNumber.js';
import { IssueCode } from './IssueCode.js';
import type { IssueCollector } from './IssueCollector.js';
import type { TargetTally } from './TargetTally.js';
import { UNIQUE_BATCH, UniqueValueSet } from './UniqueValueSet.js';

// Module-level copies: an imported binding is a getter call in CommonJS output.
const parseNumber = parseDecimal;
const parseFlag = parseBoolean;

const INTEGER = 0;
const NUMBER = 1;
const BOOLEAN = 2;
const TIMESTAMP = 3;
const TEXT = 4;

const KINDS = {
  integer: INTEGER,
  number: NUMBER,
  boolean: BOOLEAN,
  timestamp: TIMESTAMP,
  string: TEXT,
  category: TEXT,
};

const quote = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}...` : text);

const booleanOf = (value: string | number | boolean): number => {
  if (typeof value === 'boolean') return value ? 1 : 0;
  const text = String(value).toLowerCase();
  return text === 'true' || text === '1' ? 1 : text === 'false' || text === '0' ? 0 : -1;
};

const timestampOf = (value: string | number | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const parsed = parseTimestamp(String(value));
  return Number.isNaN(parsed) ? Date.parse(String(value)) : parsed;
};

/** What a checker needs besides its column: contract-wide settings and where issues go. */
export type ColumnCheckerOptions = {
  nullValues: readonly string[];
  issues: IssueCollector;
  tally?: TargetTally;
  relativeAccuracy?: number;
  maxDistinct?: number;
};

/**
 * Checks the cells of one contract column and profiles them, one cell at a time.
 *
 * The checks follow the contract's order of concern: null (an empty cell is never 0), the
 * type, then `min`/`max`, `values`, `pattern` and `unique`. Cells are read as bytes; a
 * string is built only when a pattern, a timestamp, a message or the value counts need it.
 */
export class ColumnChecker {
  readonly profiler: ColumnProfiler;
  private readonly kind: number;
  private readonly nullable: boolean;
  private readonly emptyIsNull: boolean;
  private readonly nullTokens: CategoryMatcher | null;
  private readonly min: number | undefined;
  private readonly max: number | undefined;
  private readonly numericValues: Set<number> | null = null;
  /** `numericValues` as a lookup table when they are all small non-negative integers (flags, classes). */
  private readonly smallValues: Uint8Array | null = null;
  private readonly textValues: CategoryMatcher | null = null;
  /** Counts of the allowed values by index: cheaper than the profiler's map on the hot path. */
  private readonly valueIndexCounts: Float64Array | null = null;
  private readonly pattern: RegExp | null;
  private readonly unique: UniqueValueSet | null;
  /** Where the values staged in `unique` are, to name a duplicate when the batch is flushed. */
  private readonly staged: { data: Buffer | null; starts: Int32Array; ends: Int32Array; lines: Float64Array } | null;
  private readonly issues: IssueCollector;
  private readonly tally: TargetTally | undefined;

  constructor(
    readonly name: string,
    readonly spec: ColumnSpec,
    options: ColumnCheckerOptions,
  ) {
    this.kind = KINDS[spec.type];
    this.nullable = spec.nullable;
    this.issues = options.issues;
    this.tally = options.tally;
    this.profiler = new ColumnProfiler(spec.type, options);
    const tokens = options.nullValues.filter((token) => token !== '');
    this.emptyIsNull = options.nullValues.includes('');
    this.nullTokens = tokens.length > 0 ? new CategoryMatcher(tokens) : null;
    if (this.kind === TIMESTAMP) {
      this.min = timestampOf(spec.min);
      this.max = timestampOf(spec.max);
    } else {
      this.min = typeof spec.min === 'number' ? spec.min : undefined;
      this.max = typeof spec.max === 'number' ? spec.max : undefined;
    }
    if (spec.values !== undefined) {
      if (this.kind === INTEGER || this.kind === NUMBER) this.numericValues = new Set(spec.values.map(Number));
      else if (this.kind === BOOLEAN) this.numericValues = new Set(spec.values.map(booleanOf));
      else this.textValues = new CategoryMatcher(spec.values.map(String));
      const allowed = this.numericValues === null ? [] : [...this.numericValues];
      if (allowed.length > 0 && allowed.every((value) => Number.isInteger(value) && value >= 0 && value < 256)) {
        this.smallValues = new Uint8Array(256);
        for (const value of allowed) this.smallValues[value] = 1;
      }
      if (this.kind === TEXT) this.valueIndexCounts = new Float64Array(spec.values.length);
    }
    this.pattern = spec.pattern === undefined ? null : new RegExp(`^(?:${spec.pattern})$`, 'u');
    this.unique = spec.unique ? new UniqueValueSet() : null;
    this.staged = spec.unique
      ? {
          data: null,
          starts: new Int32Array(UNIQUE_BATCH),
          ends: new Int32Array(UNIQUE_BATCH),
          lines: new Float64Array(UNIQUE_BATCH),
        }
      : null;
  }

  /** Bytes held by the `unique` set (0 when the column is not unique). */
  get uniqueBytes(): number {
    return this.unique?.bytes ?? 0;
  }

  /** The column's profile so far. */
  profile(): ColumnProfile {
    const profile = this.profiler.toProfile();
    const listed = this.valueIndexCounts;
    if (listed === null) return profile;
    const counts: Record<string, number> = {};
    listed.forEach((count, index) => {
      if (count > 0) counts[(this.textValues as CategoryMatcher).values[index]] = count;
    });
    return { ...profile, valueCounts: mergeValueCounts(profile.valueCounts, counts, profile.maxDistinct) };
  }

  /**
   * Checks the staged values of a `unique` column; call it while their bytes are still there.
   *
   * Duplicates are found in batches (see `UniqueValueSet.stage`), so their issues come after
   * issues of later cells of the same chunk; `DatasetValidator` puts issues back in file order.
   */
  flush(): void {
    const staged = this.staged;
    if (this.unique === null || staged === null || staged.data === null) return;
    const data = staged.data;
    this.unique.flush((k, row, first) => {
      this.issues.add(IssueCode.duplicateValue, () => ({
        message: `${quote(data.toString('utf8', staged.starts[k], staged.ends[k]))} already appears in row ${first}`,
        line: staged.lines[k],
        row,
        column: this.name,
      }));
    });
    staged.data = null;
  }

  /** Sizes the `unique` set for about `rows` more values (a hint; it grows anyway). */
  reserve(rows: number): void {
    this.unique?.reserve(rows);
  }

  /** Counts a cell that could not be read at all (longer than the field limit). */
  skip(): void {
    this.profiler.invalid++;
  }

  /** Checks and profiles the cell in bytes `[start, end)` of data row `row` on line `line`. */
  check(data: Buffer, start: number, end: number, row: number, line: number): void {
    if (start === end ? this.emptyIsNull : this.nullTokens !== null && this.nullTokens.match(data, start, end) >= 0) {
      this.profiler.nulls++;
      if (!this.nullable) {
        this.issues.add(IssueCode.missingValue, () => ({
          message:
            start === end
              ? 'empty value in a column that is not nullable'
              : `null value ${quote(data.toString('utf8', start, end))} in a column that is not nullable`,
          line,
          row,
          column: this.name,
        }));
      }
      return;
    }
    const unique = this.unique;
    if (unique !== null) {
      if (unique.full) this.flush();
      const staged = this.staged as NonNullable<ColumnChecker['staged']>;
      const k = unique.stagedCount;
      staged.data = data;
      staged.starts[k] = start;
      staged.ends[k] = end;
      staged.lines[k] = line;
      unique.stage(data, start, end, row, k);
    }
    const kind = this.kind;
    if (kind === TEXT) {
      this.checkText(data, start, end, row, line);
      return;
    }
    let value: number;
    let text: string | undefined;
    if (kind === INTEGER || kind === NUMBER) {
      value = parseNumber(data, start, end, kind === INTEGER);
      if (!Number.isFinite(value)) {
        const { code, reason } = describeBadNumber(data.toString('utf8', start, end), kind === INTEGER);
        this.invalid(code, () => reason, row, line);
        return;
      }
    } else if (kind === BOOLEAN) {
      value = parseFlag(data, start, end);
      if (value < 0) {
        this.invalid(
          IssueCode.notABoolean,
          () => `${quote(data.toString('utf8', start, end))} is not a boolean (true, false, 1 or 0)`,
          row,
          line,
        );
        return;
      }
    } else {
      text = data.toString('utf8', start, end);
      value = parseTimestamp(text);
      if (Number.isNaN(value)) {
        const shown = text;
        this.invalid(
          IssueCode.notATimestamp,
          () => `${quote(shown)} is not an RFC 3339 date or date-time with offset`,
          row,
          line,
        );
        return;
      }
    }
    if (this.min !== undefined && value < this.min) {
      this.issues.add(IssueCode.belowMin, () => ({
        message: `${this.show(data, start, end)} is below the minimum ${this.spec.min}`,
        line,
        row,
        column: this.name,
      }));
    }
    if (this.max !== undefined && value > this.max) {
      this.issues.add(IssueCode.aboveMax, () => ({
        message: `${this.show(data, start, end)} is above the maximum ${this.spec.max}`,
        line,
        row,
        column: this.name,
      }));
    }
    const small = this.smallValues;
    if (small !== null) {
      // A value that is not a small integer reads undefined from the table: not listed either.
      if (small[value] !== 1) this.notInValues(data, start, end, row, line);
    } else if (this.numericValues !== null && !this.numericValues.has(value)) {
      this.notInValues(data, start, end, row, line);
    }
    if (this.textValues !== null && this.textValues.match(data, start, end) < 0)
      this.notInValues(data, start, end, row, line);
    if (this.pattern !== null) this.checkPattern(text ?? data.toString('utf8', start, end), row, line);
    this.profiler.addNumber(value, kind === BOOLEAN ? (value === 1 ? 'true' : 'false') : text);
    this.tally?.add(value);
  }

  private checkText(data: Buffer, start: number, end: number, row: number, line: number): void {
    let text: string | undefined;
    if (this.textValues !== null) {
      const index = this.textValues.match(data, start, end);
      if (index >= 0) {
        (this.valueIndexCounts as Float64Array)[index]++;
        this.profiler.addText(end - start);
        if (this.pattern !== null || this.tally !== undefined) {
          text = this.textValues.values[index];
          if (this.pattern !== null) this.checkPattern(text, row, line);
          this.tally?.add(text);
        }
        return;
      }
      this.notInValues(data, start, end, row, line);
    }
    const counts = this.profiler.values;
    if (this.pattern !== null || counts.active || this.tally !== undefined) text = data.toString('utf8', start, end);
    if (this.pattern !== null) this.checkPattern(text as string, row, line);
    this.profiler.addText(end - start);
    if (counts.active) counts.add(text as string);
    this.tally?.add(text as string);
  }

  private checkPattern(text: string, row: number, line: number): void {
    if ((this.pattern as RegExp).test(text)) return;
    this.issues.add(IssueCode.patternMismatch, () => ({
      message: `${quote(text)} does not match the pattern ${this.spec.pattern}`,
      line,
      row,
      column: this.name,
    }));
  }

  private invalid(code: IssueCode, message: () => string, row: number, line: number): void {
    this.profiler.invalid++;
    this.issues.add(code, () => ({ message: message(), line, row, column: this.name }));
  }

  private notInValues(data: Buffer, start: number, end: number, row: number, line: number): void {
    this.issues.add(IssueCode.notInValues, () => ({
      message: this.notInValuesMessage(data, start, end),
      line,
      row,
      column: this.name,
    }));
  }

  private notInValuesMessage(data: Buffer, start: number, end: number): string {
    const allowed = (this.spec.values ?? []).map((value) => JSON.stringify(value));
    const shown = allowed.length > 10 ? `${allowed.slice(0, 10).join(', ')}, ...` : allowed.join(', ');
    return `${quote(data.toString('utf8', start, end))} is not one of ${shown}`;
  }

  private show(data: Buffer, start: number, end: number): string {
    return data.toString('utf8', start, end);
  }
}
