const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3;

/** Bit flags describing how a field was written; anything above `escaped` is a problem. */
export const FieldFlag = {
  quoted: 1,
  escaped: 2,
  tooLong: 4,
  bareQuote: 8,
  unterminated: 16,
} as const;

/** Flags that make a field (and for quotes, its row) unusable. */
export const PROBLEM_FLAGS = FieldFlag.tooLong | FieldFlag.bareQuote | FieldFlag.unterminated;

/**
 * One record as offsets into `data`, valid only during the `onRecord` call.
 *
 * `count` is the number of fields in the record; only the first `stored` (at most
 * `maxFields`) have offsets. Field `i` is the bytes `data[starts[i], ends[i])`, quotes removed
 * and doubled quotes unescaped; `lines[i]` is the physical line it starts on.
 */
export type CsvRecord = {
  data: Buffer;
  count: number;
  stored: number;
  starts: Int32Array;
  ends: Int32Array;
  lines: Int32Array;
  flags: Uint8Array;
  /** Every field's flags ORed together. */
  allFlags: number;
  /** The physical line of the record's first byte. */
  line: number;
};

/** Options of a tokenizer: the delimiter byte and the bounds that keep memory flat. */
export type CsvTokenizerOptions = {
  delimiter: number;
  maxFieldBytes: number;
  maxFields: number;
  onRecord: (record: CsvRecord) => void;
  /** Called after the records of a chunk, while their bytes are still in the buffer. */
  onChunkEnd?: () => void;
};

/**
 * A strict RFC 4180 tokenizer over byte chunks, resumable at any byte.
 *
 * It scans each byte once, whatever the chunk boundaries (inside quotes, between CR and LF,
 * inside a multi-byte character), counting physical lines as it goes (CRLF, LF or a lone CR
 * is one break, inside quotes too) and skipping blank lines. The unfinished record is carried
 * into the next chunk, bounded: a field longer than `maxFieldBytes` is flagged `tooLong` and
 * its bytes dropped as they arrive, and fields past `maxFields` are counted, not kept. Quote
 * problems are flagged on the field, never thrown, so the caller reports them with their row.
 */
export class CsvTokenizer {
  /** The physical line (1-based) of the next byte to be read. */
  line = 1;
  maxFields: number;
  private work: Buffer = Buffer.allocUnsafe(1 << 16);
  private pendingLength = 0;
  private state = FIELD_START;
  private previousCr = false;
  private recordStart = 0;
  private recordLine = 1;
  private fieldCount = 0;
  private fieldStart = 0;
  private fieldLine = 1;
  private fieldFlags = 0;
  private recordFlags = 0;
  private overflow = false;
  private stopped = false;
  private readonly record: CsvRecord;
  private readonly delimiter: number;
  /** 1 for the bytes that end an unquoted run: the delimiter, quote, CR and LF. */
  private readonly special = new Uint8Array(256);
  private readonly maxFieldBytes: number;
  private readonly onRecord: (record: CsvRecord) => void;
  private readonly onChunkEnd: (() => void) | undefined;

  constructor(options: CsvTokenizerOptions) {
    this.delimiter = options.delimiter;
    for (const byte of [options.delimiter, QUOTE, CR, LF]) this.special[byte] = 1;
    this.maxFieldBytes = options.maxFieldBytes;
    this.maxFields = options.maxFields;
    this.onRecord = options.onRecord;
    this.onChunkEnd = options.onChunkEnd;
    const capacity = Math.min(64, options.maxFields);
    this.record = {
      data: this.work,
      count: 0,
      stored: 0,
      starts: new Int32Array(capacity),
      ends: new Int32Array(capacity),
      lines: new Int32Array(capacity),
      flags: new Uint8Array(capacity),
      allFlags: 0,
      line: 1,
    };
  }

  /** Bytes of the buffer that holds the unfinished record: bounded, whatever the input. */
  get bufferBytes(): number {
    return this.work.length;
  }

  /** Stops emitting records (the rest of the input is ignored). */
  stop(): void {
    this.stopped = true;
  }

  /** Reads the next chunk; complete records go to `onRecord` before it returns. */
  push(chunk: Uint8Array): void {
    if (this.stopped || chunk.length === 0) return;
    const start = this.pendingLength;
    const length = start + chunk.length;
    if (length > this.work.length) {
      const grown = Buffer.allocUnsafe(Math.max(length, this.work.length * 2));
      this.work.copy(grown, 0, 0, start);
      this.work = grown;
      this.record.data = grown;
    }
    this.work.set(chunk, start);
    this.scan(start, length);
    if (this.stopped) return;
    this.onChunkEnd?.();
    this.carry(length);
  }

  /** Ends the input: emits the last record even without a final line break. */
  end(): void {
    if (this.stopped) return;
    const length = this.pendingLength;
    switch (this.state) {
      case UNQUOTED:
        this.finishField(length);
        break;
      case QUOTED:
        this.fieldFlags |= FieldFlag.unterminated;
        this.finishField(length);
        break;
      case QUOTE_IN_QUOTED:
        this.finishField(length - 1);
        break;
      default:
        if (this.fieldCount === 0) return;
        this.fieldStart = length;
        this.fieldLine = this.line;
        this.fieldFlags = 0;
        this.finishField(length);
    }
    this.emit();
    this.onChunkEnd?.();
    this.pendingLength = 0;
    this.state = FIELD_START;
  }

  private scan(from: number, length: number): void {
    const data = this.work;
    const delimiter = this.delimiter;
    const special = this.special;
    const record = this.record;
    const maxFieldBytes = this.maxFieldBytes;
    let i = from;
    while (i < length) {
      const state = this.state;
      if (state === FIELD_START) {
        const byte = data[i];
        if (byte === QUOTE) {
          this.fieldStart = i + 1;
          this.fieldLine = this.line;
          this.fieldFlags = FieldFlag.quoted;
          this.state = QUOTED;
          this.previousCr = false;
          i++;
          continue;
        }
        if (this.fieldCount === 0 && (byte === LF || byte === CR)) {
          // A blank line, or the LF of a CRLF that ended the previous record.
          if (byte === CR || !this.previousCr) this.line++;
          this.previousCr = byte === CR;
          i++;
          this.recordStart = i;
          this.recordLine = this.line;
          continue;
        }
        this.fieldStart = i;
        this.fieldLine = this.line;
        this.fieldFlags = 0;
        this.state = UNQUOTED;
      }
      if (this.state === UNQUOTED) {
        let j = i;
        while (j < length && special[data[j]] === 0) j++;
        this.previousCr = false;
        if (j === length) {
          i = length;
          break;
        }
        const byte = data[j];
        if (byte === delimiter) {
          const index = this.fieldCount;
          const start = this.fieldStart;
          if (
            this.fieldFlags === 0 &&
            index < record.starts.length &&
            index < this.maxFields &&
            !this.overflow &&
            j - start <= maxFieldBytes
          ) {
            // The common case, inline: a plain field of a record within the header's width.
            record.starts[index] = start;
            record.ends[index] = j;
            record.lines[index] = this.fieldLine;
            record.flags[index] = 0;
            this.fieldCount = index + 1;
          } else {
            this.finishField(j);
          }
          this.state = FIELD_START;
          i = j + 1;
        } else if (byte === QUOTE) {
          this.fieldFlags |= FieldFlag.bareQuote;
          i = j + 1;
        } else {
          this.finishField(j);
          i = this.endRecord(byte, j);
          if (this.stopped) return;
        }
        continue;
      }
      if (state === QUOTED) {
        let j = i;
        let line = this.line;
        let previousCr = this.previousCr;
        while (j < length) {
          const byte = data[j];
          if (byte <= QUOTE) {
            if (byte === QUOTE) break;
            if (byte === CR) {
              line++;
              previousCr = true;
              j++;
              continue;
            }
            if (byte === LF && !previousCr) line++;
          }
          previousCr = false;
          j++;
        }
        this.line = line;
        this.previousCr = previousCr;
        if (j === length) {
          i = length;
          break;
        }
        this.previousCr = false;
        this.state = QUOTE_IN_QUOTED;
        i = j + 1;
        continue;
      }
      // QUOTE_IN_QUOTED: the quote before `i` either escapes this one or closes the field.
      const byte = data[i];
      if (byte === QUOTE) {
        this.fieldFlags |= FieldFlag.escaped;
        this.state = QUOTED;
        i++;
      } else if (byte === delimiter) {
        this.finishField(i - 1);
        this.state = FIELD_START;
        i++;
      } else if (byte === LF || byte === CR) {
        this.finishField(i - 1);
        i = this.endRecord(byte, i);
        if (this.stopped) return;
      } else {
        this.fieldFlags |= FieldFlag.bareQuote;
        this.state = UNQUOTED;
      }
    }
  }

  /** Ends the record at the line break `byte` at `at`; returns where the next record starts. */
  private endRecord(byte: number, at: number): number {
    this.emit();
    this.line++;
    this.previousCr = byte === CR;
    this.state = FIELD_START;
    this.recordStart = at + 1;
    this.recordLine = this.line;
    return at + 1;
  }

  private finishField(end: number): void {
    const index = this.fieldCount++;
    let flags = this.fieldFlags;
    if (index >= this.maxFields) {
      // Past the header's width: only the count matters, and the quoting problems.
      this.overflow = false;
      this.recordFlags |= flags & (FieldFlag.bareQuote | FieldFlag.unterminated);
      return;
    }
    const start = this.fieldStart;
    if (this.overflow) {
      end = start;
      flags |= FieldFlag.tooLong;
      this.overflow = false;
    } else if (end - start > this.maxFieldBytes) {
      flags |= FieldFlag.tooLong;
    } else if (flags & FieldFlag.escaped) {
      end = this.unescape(start, end);
    }
    this.recordFlags |= flags;
    const record = this.record;
    if (index >= record.starts.length) this.growFields();
    record.starts[index] = start;
    record.ends[index] = end;
    record.lines[index] = this.fieldLine;
    record.flags[index] = flags;
  }

  private unescape(start: number, end: number): number {
    const data = this.work;
    let to = start;
    for (let from = start; from < end; from++) {
      const byte = data[from];
      data[to++] = byte;
      if (byte === QUOTE) from++;
    }
    return to;
  }

  private growFields(): void {
    const record = this.record;
    const capacity = Math.min(this.maxFields, record.starts.length * 2);
    const grow = <T extends Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    record.starts = grow(record.starts, (n) => new Int32Array(n));
    record.ends = grow(record.ends, (n) => new Int32Array(n));
    record.lines = grow(record.lines, (n) => new Int32Array(n));
    record.flags = grow(record.flags, (n) => new Uint8Array(n));
  }

  private emit(): void {
    const record = this.record;
    record.count = this.fieldCount;
    record.stored = Math.min(this.fieldCount, this.maxFields);
    record.allFlags = this.recordFlags;
    record.line = this.recordLine;
    this.fieldCount = 0;
    this.recordFlags = 0;
    this.onRecord(record);
  }

  /** Moves the unfinished record to the front of the buffer, dropping what it need not keep. */
  private carry(length: number): void {
    const start = this.recordStart;
    if (this.state === FIELD_START && this.fieldCount === 0) {
      this.pendingLength = 0;
      this.recordStart = 0;
      return;
    }
    let keepEnd = length;
    const record = this.record;
    if (this.fieldCount >= this.maxFields) {
      keepEnd = this.maxFields > 0 ? record.ends[this.maxFields - 1] : start;
    } else if (this.state !== FIELD_START && (this.overflow || length - this.fieldStart > this.maxFieldBytes)) {
      this.overflow = true;
      keepEnd = this.fieldStart;
    }
    this.work.copyWithin(0, start, keepEnd);
    const stored = Math.min(this.fieldCount, this.maxFields);
    for (let k = 0; k < stored; k++) {
      record.starts[k] -= start;
      record.ends[k] -= start;
    }
    this.fieldStart = this.overflow ? keepEnd - start : this.fieldStart - start;
    this.pendingLength = keepEnd - start;
    this.recordStart = 0;
  }
}
