import fc from 'fast-check';
import { type EncodingProblem, Utf8Checker } from '../../src/csv/Utf8Checker.js';

const check = (bytes: Uint8Array, chunkSize: number) => {
  const problems: EncodingProblem[] = [];
  const checker = new Utf8Checker((problem) => problems.push(problem));
  let line = 1;
  let previous = -1;
  for (let offset = 0; offset < bytes.length; offset += chunkSize) {
    const chunk = bytes.subarray(offset, offset + chunkSize);
    checker.check(chunk, line);
    for (const byte of chunk) {
      if (byte === 0x0d || (byte === 0x0a && previous !== 0x0d)) line++;
      previous = byte;
    }
  }
  checker.finish(line);
  return problems;
};

describe('Utf8Checker', () => {
  it('accepts any valid text cut anywhere, multi-byte characters included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 1, max: 9 }), (text, size) => {
        // Prepare
        const bytes = Buffer.from(text.replaceAll('\u0000', ''), 'utf8');

        // Act
        const problems = check(bytes, size);

        // Assess
        expect(problems).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it.each([1, 2, 3, 4, 1024])('locates an invalid byte by line in chunks of %i', (size) => {
    // Prepare
    const bytes = Buffer.concat([Buffer.from('a€\r\nb\n😀'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);

    // Act
    const problems = check(bytes, size);

    // Assess
    expect(problems).toEqual([{ kind: 'invalid', line: 3, message: expect.stringContaining('0xC3') }]);
  });

  it.each([
    ['an overlong encoding', [0xc0, 0xaf]],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a stray continuation byte', [0x80]],
  ])('rejects %s', (_, sequence) => {
    // Act
    const problems = check(Uint8Array.from([0x61, ...sequence, 0x62]), 2);

    // Assess
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ kind: 'invalid', line: 1 });
  });

  it('reports a character cut by the end of the stream', () => {
    // Act
    const problems = check(Uint8Array.from([0x61, 0x0a, 0xf0, 0x9f, 0x98]), 1);

    // Assess
    expect(problems).toEqual([
      { kind: 'invalid', line: 2, message: 'invalid UTF-8 byte sequence 0xF0 0x9F 0x98 at the end of the file' },
    ]);
  });

  it('reports each NUL byte with its line', () => {
    // Act
    const problems = check(Buffer.from('a\n\u0000b\n\u0000'), 3);

    // Assess
    expect(problems.map((problem) => [problem.kind, problem.line])).toEqual([
      ['nul', 2],
      ['nul', 3],
    ]);
  });
});
