import { isUtf8 } from 'node:buffer';

const LF = 0x0a;
const CR = 0x0d;

/** What the checker found: an invalid sequence or a NUL byte, at a physical line. */
export type EncodingProblem = { kind: 'invalid' | 'nul'; line: number; message: string };

const sequenceLength = (lead: number): number =>
  lead < 0x80 ? 1 : lead < 0xc2 ? 0 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : lead < 0xf5 ? 4 : 0;

const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * Checks that a stream of chunks is UTF-8 without NUL bytes, whatever the chunk boundaries.
 *
 * The common case costs two native calls per chunk (`isUtf8` and `indexOf(0)`); only a chunk
 * that fails is walked byte by byte to locate each problem by physical line. A character cut
 * by a chunk boundary is carried (at most 3 bytes) into the next chunk.
 */
export class Utf8Checker {
  private carry: number[] = [];
  private lastByte = -1;

  constructor(private readonly report: (problem: EncodingProblem) => void) {}

  /** Checks the next chunk; `line` is the physical line its first byte is on. */
  check(chunk: Uint8Array, line: number): void {
    if (chunk.length === 0) return;
    let start = 0;
    if (this.carry.length > 0 || (chunk[0] & 0xc0) === 0x80) {
      while (start < chunk.length && start < 3 && (chunk[start] & 0xc0) === 0x80) start++;
      const head = [...this.carry, ...chunk.subarray(0, start)];
      const needed = head.length > 0 ? sequenceLength(head[0]) : 0;
      if (start === chunk.length && needed > head.length) {
        this.carry = head;
        this.lastByte = chunk[chunk.length - 1];
        return;
      }
      if (head.length > 0 && !isUtf8(Uint8Array.from(head))) {
        this.report({ kind: 'invalid', line, message: this.describe(head) });
      }
      this.carry = [];
    }
    let end = chunk.length;
    for (let back = end - 1; back >= Math.max(start, end - 3); back--) {
      const byte = chunk[back];
      if ((byte & 0xc0) === 0x80) continue;
      if (byte >= 0xc0 && back + sequenceLength(byte) > end) end = back;
      break;
    }
    const body = chunk.subarray(start, end);
    if (!isUtf8(body) || body.indexOf(0) !== -1) this.walk(chunk, start, end, line);
    // The carried bytes hold no line break, so they are on the line the next chunk starts on.
    if (end < chunk.length) this.carry = [...chunk.subarray(end)];
    this.lastByte = chunk[chunk.length - 1];
  }

  /** Reports a character left incomplete by the end of the stream. */
  finish(line: number): void {
    if (this.carry.length > 0)
      this.report({ kind: 'invalid', line, message: `${this.describe(this.carry)} at the end of the file` });
    this.carry = [];
  }

  private describe(bytes: ArrayLike<number>): string {
    const shown = Array.from(bytes, hex).join(' ');
    return `invalid UTF-8 byte sequence ${shown}`;
  }

  private walk(chunk: Uint8Array, start: number, end: number, line: number): void {
    let previous = this.lastByte;
    for (let i = 0; i < start; i++) previous = chunk[i];
    let i = start;
    while (i < end) {
      const byte = chunk[i];
      if (byte < 0x80) {
        if (byte === CR || (byte === LF && previous !== CR)) line++;
        else if (byte === 0) this.report({ kind: 'nul', line, message: 'NUL byte (0x00) in the data' });
        previous = byte;
        i++;
        continue;
      }
      const length = sequenceLength(byte);
      let valid = length > 0 && i + length <= end;
      if (valid) {
        const second = chunk[i + 1];
        const low = byte === 0xe0 ? 0xa0 : byte === 0xf0 ? 0x90 : 0x80;
        const high = byte === 0xed ? 0x9f : byte === 0xf4 ? 0x8f : 0xbf;
        valid = second >= low && second <= high;
        for (let k = 2; valid && k < length; k++) valid = (chunk[i + k] & 0xc0) === 0x80;
      }
      if (valid) {
        i += length;
      } else {
        this.report({ kind: 'invalid', line, message: `invalid UTF-8 byte ${hex(byte)}` });
        i++;
      }
      previous = chunk[i - 1];
    }
  }
}
