import type { DatasetContract } from '@fleet/shared/contract';
import { type CsvRecord, CsvTokenizer, FieldFlag, PROBLEM_FLAGS } from '../csv/CsvTokenizer.js';
import { sniffEncoding } from '../csv/sniffEncoding.js';
import { Utf8Checker } from '../csv/Utf8Checker.js';
import type { ColumnProfile } from '../profile/ColumnProfile.js';
import type { DatasetProfile } from '../profile/DatasetProfile.js';
import { ColumnChecker } from './ColumnChecker.js';
import { checkHeader } from './checkHeader.js';
import { checkTarget } from './checkTarget.js';
import type { Issue } from './Issue.js';
import { IssueCode } from './IssueCode.js';
import { IssueCollector } from './IssueCollector.js';
import { TargetTally } from './TargetTally.js';
import type { ValidationResult } from './ValidationResult.js';

// Module-level copies: an imported binding is a getter call in CommonJS output.
const TOO_LONG = FieldFlag.tooLong;
const PROBLEMS = PROBLEM_FLAGS;

/** Chunks are cut to this size so the tokenizer's buffer stays small whatever the source. */
const MAX_PIECE = 256 * 1024;
/** Rows read before the file's row count is estimated from its size. */
const RESERVE_AFTER_ROWS = 1000;
/** Fields a header may have before the rest are only counted. */
const MAX_HEADER_FIELDS = 100_000;

const positiveOf = (contract: DatasetContract): string | number => {
  const spec = contract.columns[contract.target?.column ?? ''];
  if (spec === undefined) return 1;
  if ((spec.type === 'category' || spec.type === 'string') && spec.values?.length === 2) return String(spec.values[1]);
  return spec.type === 'category' || spec.type === 'string' ? '1' : 1;
};

/**
 * Checks one dataset against its contract as its bytes arrive, in bounded memory.
 *
 * Wires the stages together: byte-order mark and UTF-16 sniffing, the UTF-8 checker, the
 * tokenizer, the header check, one `ColumnChecker` per contract column and the file-level
 * checks at the end (row count, null fractions, target). Feed it with `push`, finish with
 * `end`, read `result()`. `done` turns true when the file cannot be read further (an encoding
 * it rejects, a wrong delimiter), so the caller can stop reading.
 *
 * @throws RangeError when the contract's delimiter is not a single ASCII character
 */
export class DatasetValidator {
  done = false;
  rows = 0;
  private readonly issues: IssueCollector;
  private readonly utf8: Utf8Checker;
  private readonly tokenizer: CsvTokenizer;
  private readonly tally: TargetTally | undefined;
  private head: Uint8Array | null = new Uint8Array(0);
  private header: Buffer[] | null = null;
  private headerNames: string[] = [];
  private checkers: (ColumnChecker | null)[] = [];
  private profiledRows = 0;
  private sawBytes = false;
  private bytesIn = 0;
  private expectedBytes: number | undefined;

  /** `expectedBytes` (the object or file size, when known) lets `unique` sets be sized once. */
  constructor(
    private readonly contract: DatasetContract,
    options: { expectedBytes?: number } = {},
  ) {
    this.expectedBytes = options.expectedBytes;
    const delimiter = contract.format.delimiter;
    if (!/^[\x01-\x7f]$/.test(delimiter) || /["\r\n]/.test(delimiter)) {
      throw new RangeError(
        `format.delimiter ${JSON.stringify(delimiter)} is not supported: use one ASCII character other than a quote or a line break`,
      );
    }
    this.issues = new IssueCollector(contract.limits.maxIssuesPerCode);
    this.utf8 = new Utf8Checker((problem) =>
      this.issues.add(problem.kind === 'nul' ? IssueCode.nulByte : IssueCode.invalidEncoding, () => ({
        message: problem.message,
        line: problem.line,
      })),
    );
    this.tokenizer = new CsvTokenizer({
      delimiter: contract.format.delimiter.charCodeAt(0),
      maxFieldBytes: contract.limits.maxFieldBytes,
      maxFields: MAX_HEADER_FIELDS,
      onRecord: (record) => this.onRecord(record),
      onChunkEnd: () => {
        for (const checker of this.checkers) checker?.flush();
      },
    });
    const target = contract.target;
    if (target !== undefined) {
      const share = target.minClassShare ?? 0;
      const listed = contract.columns[target.column]?.values?.length ?? 0;
      const maxClasses = Math.max(2, listed, share > 0 ? Math.floor(1 / share) + 1 : 1000);
      this.tally = new TargetTally(positiveOf(contract), maxClasses);
    }
  }

  /** Reads the next chunk of the file. */
  push(chunk: Uint8Array): void {
    if (this.done || chunk.length === 0) return;
    this.sawBytes = true;
    if (this.head !== null) {
      const head = new Uint8Array(this.head.length + chunk.length);
      head.set(this.head);
      head.set(chunk, this.head.length);
      if (head.length < 4) {
        this.head = head;
        return;
      }
      this.head = null;
      chunk = this.sniff(head);
    }
    for (let offset = 0; offset < chunk.length && !this.done; offset += MAX_PIECE) {
      const piece = chunk.subarray(offset, Math.min(chunk.length, offset + MAX_PIECE));
      this.utf8.check(piece, this.tokenizer.line);
      this.tokenizer.push(piece);
      this.bytesIn += piece.length;
    }
    if (this.expectedBytes !== undefined && this.rows >= RESERVE_AFTER_ROWS) this.reserveUnique(this.expectedBytes);
  }

  /** Estimates the rows of the whole file from the bytes per row so far, once. */
  private reserveUnique(expectedBytes: number): void {
    const rows = Math.ceil((expectedBytes / this.bytesIn) * this.rows * 1.02);
    for (const checker of this.checkers) checker?.reserve(rows);
    this.expectedBytes = undefined;
  }

  /** Ends the file: flushes the last record and runs the file-level checks. */
  end(): void {
    if (this.head !== null) {
      const head = this.head;
      this.head = null;
      const rest = this.sniff(head);
      if (!this.done) {
        this.utf8.check(rest, this.tokenizer.line);
        this.tokenizer.push(rest);
      }
    }
    if (this.done) return;
    this.utf8.finish(this.tokenizer.line);
    this.tokenizer.end();
    if (this.done) return;
    const issues = this.issues;
    if (this.header === null) {
      issues.add(IssueCode.emptyFile, () => ({
        message: this.sawBytes
          ? 'the file has no header line (only blank lines or a byte-order mark)'
          : 'the file is empty',
      }));
      return;
    }
    if (this.rows === 0)
      issues.add(IssueCode.emptyFile, () => ({ message: 'the file has a header but no data rows', line: 2 }));
    const bounds = this.contract.rows;
    if (bounds?.min !== undefined && this.rows < bounds.min) {
      issues.add(IssueCode.tooFewRows, () => ({
        message: `${this.rows} data rows, the contract wants at least ${bounds.min}`,
      }));
    }
    if (bounds?.max !== undefined && this.rows > bounds.max) {
      issues.add(IssueCode.tooManyRows, () => ({
        message: `${this.rows} data rows, the contract allows at most ${bounds.max}`,
      }));
    }
    for (const checker of this.checkers) {
      const limit = checker?.spec.maxNullFraction;
      if (checker === null || limit === undefined || this.profiledRows === 0) continue;
      const share = checker.profiler.nulls / this.profiledRows;
      if (share > limit) {
        issues.add(IssueCode.nullFractionExceeded, () => ({
          message: `${checker.profiler.nulls} nulls in ${this.profiledRows} rows (${(share * 100).toFixed(2)} %), above maxNullFraction ${limit}`,
          column: checker.name,
        }));
      }
    }
    if (this.tally !== undefined && this.checkers.some((checker) => checker?.name === this.contract.target?.column)) {
      checkTarget(this.contract, this.tally, issues);
    }
  }

  /** Bytes held by the `unique` sets of every column. */
  get uniqueBytes(): number {
    return this.checkers.reduce((sum, checker) => sum + (checker?.uniqueBytes ?? 0), 0);
  }

  /** The verdict, issues and profile so far (complete after `end`). */
  result(): Omit<ValidationResult, 'bytes' | 'durationMs'> {
    const columns: Record<string, ColumnProfile> = {};
    for (const checker of this.checkers) if (checker !== null) columns[checker.name] = checker.profile();
    const profile: DatasetProfile = { rows: this.profiledRows, columns };
    return {
      passed: this.issues.total === 0,
      rows: this.rows,
      issueCounts: this.issues.countsByCode(),
      issues: this.inFileOrder(this.issues.issues),
      profile,
    };
  }

  /**
   * Sorts issues by line, then (within a row) by column position; stable otherwise.
   *
   * Encoding problems of a chunk are found before its rows, and duplicates after them (in
   * batches), so collection order is not quite file order. Issues without a line (file-level
   * checks at the end) stay last.
   */
  private inFileOrder(issues: readonly Issue[]): Issue[] {
    const position = new Map(this.headerNames.map((name, index) => [name, index] as const));
    const key = (issue: Issue) => [
      issue.line ?? Number.POSITIVE_INFINITY,
      issue.row === undefined || issue.column === undefined ? -1 : (position.get(issue.column) ?? -1),
    ];
    return [...issues].sort((a, b) => {
      const [lineA, columnA] = key(a);
      const [lineB, columnB] = key(b);
      return lineA - lineB || columnA - columnB;
    });
  }

  private sniff(head: Uint8Array): Uint8Array {
    const sniffed = sniffEncoding(head);
    if (sniffed.rejected !== null) {
      const encoding = sniffed.rejected;
      this.issues.add(IssueCode.invalidEncoding, () => ({
        message: `the file is ${encoding}; only UTF-8 is accepted`,
        line: 1,
      }));
      this.done = true;
      return new Uint8Array(0);
    }
    return head.subarray(sniffed.bomLength);
  }

  private onRecord(record: CsvRecord): void {
    if (this.header === null) {
      this.onHeader(record);
      return;
    }
    const row = ++this.rows;
    const issues = this.issues;
    const width = this.header.length;
    let usable = true;
    if (record.allFlags & PROBLEMS) usable = this.reportFieldProblems(record, row);
    if (record.count !== width) {
      issues.add(IssueCode.raggedRow, () => ({
        message: `the row has ${record.count} fields, the header has ${width}`,
        line: record.line,
        row,
      }));
      return;
    }
    if (!usable) return;
    if (this.isRepeatedHeader(record)) {
      issues.add(IssueCode.repeatedHeader, () => ({
        message: 'the header line is repeated inside the data',
        line: record.line,
        row,
      }));
      return;
    }
    const { data, starts, ends, lines, flags } = record;
    const checkers = this.checkers;
    for (let i = 0; i < width; i++) {
      const checker = checkers[i];
      if (checker === null) continue;
      if (flags[i] & TOO_LONG) checker.skip();
      else checker.check(data, starts[i], ends[i], row, lines[i]);
    }
    this.profiledRows++;
  }

  private onHeader(record: CsvRecord): void {
    const { data, starts, ends } = record;
    const header: Buffer[] = [];
    for (let i = 0; i < record.stored; i++) header.push(Buffer.from(data.subarray(starts[i], ends[i])));
    this.header = header;
    this.headerNames = header.map((bytes) => bytes.toString('utf8'));
    if (record.allFlags & PROBLEM_FLAGS) this.reportFieldProblems(record, undefined);
    const plan = checkHeader(this.headerNames, record.line, this.contract, this.issues);
    if (!plan.proceed) {
      this.done = true;
      this.tokenizer.stop();
      return;
    }
    this.tokenizer.maxFields = header.length;
    const target = this.contract.target?.column;
    this.checkers = plan.columns.map((name) =>
      name === null
        ? null
        : new ColumnChecker(name, this.contract.columns[name], {
            nullValues: this.contract.nullValues,
            issues: this.issues,
            tally: name === target ? this.tally : undefined,
          }),
    );
  }

  /** Reports quote and length problems of a record's fields; false when the row is unusable. */
  private reportFieldProblems(record: CsvRecord, row: number | undefined): boolean {
    const issues = this.issues;
    const names = this.header === null || row === undefined ? [] : this.headerNames;
    let usable = true;
    let located = 0;
    for (let i = 0; i < record.stored; i++) {
      const flags = record.flags[i];
      if ((flags & PROBLEM_FLAGS) === 0) continue;
      located |= flags;
      const where = { line: record.lines[i], row, column: names[i] };
      if (flags & FieldFlag.unterminated) {
        usable = false;
        issues.add(IssueCode.unterminatedQuote, () => ({
          message: 'a quoted field is still open at the end of the file',
          ...where,
        }));
      }
      if (flags & FieldFlag.bareQuote) {
        usable = false;
        issues.add(IssueCode.bareQuote, () => ({
          message:
            flags & FieldFlag.quoted
              ? 'text after the closing quote of a quoted field'
              : 'a quote inside an unquoted field',
          ...where,
        }));
      }
      if (flags & FieldFlag.tooLong) {
        issues.add(IssueCode.fieldTooLong, () => ({
          message: `the field is longer than ${this.contract.limits.maxFieldBytes} bytes (limits.maxFieldBytes)`,
          ...where,
        }));
      }
    }
    const unlocated = record.allFlags & ~located & (FieldFlag.unterminated | FieldFlag.bareQuote);
    if (unlocated & FieldFlag.unterminated) {
      issues.add(IssueCode.unterminatedQuote, () => ({
        message: 'a quoted field is still open at the end of the file',
        line: record.line,
        row,
      }));
    }
    if (unlocated & FieldFlag.bareQuote) {
      issues.add(IssueCode.bareQuote, () => ({ message: 'a quote inside an unquoted field', line: record.line, row }));
    }
    return usable && unlocated === 0;
  }

  private isRepeatedHeader(record: CsvRecord): boolean {
    const header = this.header as Buffer[];
    const { data, starts, ends } = record;
    for (let i = 0; i < header.length; i++) {
      const name = header[i];
      const start = starts[i];
      if (ends[i] - start !== name.length) return false;
      for (let k = 0; k < name.length; k++) if (data[start + k] !== name[k]) return false;
    }
    return true;
  }
}
