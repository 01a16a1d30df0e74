import { validateDataset } from '../../src/index.js';
import { bytesOf, CHUNK_SIZES, contractOf, validate } from '../support/validate.js';

/** Yields `input` in chunks of `size` bytes, every one copied into the same buffer, as `fleet validate` reads a file. */
async function* throughOneBuffer(input: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  const buffer = new Uint8Array(size);
  for (let offset = 0; offset < input.length; offset += size) {
    const chunk = input.subarray(offset, offset + size);
    buffer.set(chunk);
    yield buffer.subarray(0, chunk.length);
    // Overwrite what the validator was given, so a reference kept to it would read garbage.
    buffer.fill(0x3f);
  }
}

const contract = contractOf({
  id: { type: 'string', unique: true },
  name: { type: 'string' },
  score: { type: 'number', min: 0 },
  flag: { type: 'boolean' },
});

const lines = ['id,name,score,flag'];
for (let row = 1; row <= 3000; row++) {
  const id = row % 1000 === 0 ? 'dup-7' : `id-${row}`;
  lines.push(
    `${row === 7 ? 'dup-7' : id},"name ${row}, ""quoted""\nacross lines",${row % 97 === 0 ? 'x' : row / 8},${row % 2 === 0}`,
  );
}
const input = bytesOf(`${lines.join('\r\n')}\r\n`);

describe('validateDataset with a source that reuses one buffer', () => {
  it.each(CHUNK_SIZES.filter((size) => size >= 3))('returns what fresh chunks of %i bytes return', async (size) => {
    // Prepare
    const expected = await validate(input, contract, size);

    // Act
    const result = await validateDataset(throughOneBuffer(input, size), contract);

    // Assess
    expect(expected.issueCounts).toEqual({ duplicate_value: 3, not_a_number: 30 });
    expect({ ...result, durationMs: 0 }).toEqual({ ...expected, durationMs: 0 });
  });
});
