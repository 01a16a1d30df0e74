import { type Hash64, hash64 } from '../../src/check/hash64.js';
import { UniqueValueSet } from '../../src/check/UniqueValueSet.js';

const text = (value: string) => new TextEncoder().encode(value);

describe('hash64', () => {
  it('puts MurmurHash3 (x86, 32-bit, seed 0) in the low half', () => {
    // Prepare
    const out: Hash64 = { hi: 0, lo: 0 };

    // Act
    hash64(text('abc'), 0, 3, out);

    // Assess (reference value from the smhasher test vectors)
    expect(out.lo).toBe(0xb3dd93fa);
  });

  it('hashes equal bytes equally wherever they sit, and 100 000 distinct values distinctly', () => {
    // Prepare
    const seen = new Set<string>();
    const out: Hash64 = { hi: 0, lo: 0 };

    // Act
    for (let i = 0; i < 100_000; i++) {
      const bytes = text(`CUST-${i}`);
      hash64(bytes, 0, bytes.length, out);
      seen.add(`${out.hi}:${out.lo}`);
    }
    const shifted = hash64(text('xxCUST-7'), 2, 8, { hi: 0, lo: 0 });
    const direct = hash64(text('CUST-7'), 0, 6, { hi: 0, lo: 0 });

    // Assess
    expect(seen.size).toBe(100_000);
    expect(shifted).toEqual(direct);
  });
});

describe('UniqueValueSet', () => {
  it('returns the first row of a repeated value and 0 for new ones, across growth', () => {
    // Prepare
    const set = new UniqueValueSet(16);
    const firstRows: number[] = [];

    // Act
    for (let row = 1; row <= 50_000; row++) {
      const bytes = text(`id-${row}`);
      firstRows.push(set.add(bytes, 0, bytes.length, row));
    }
    const again = text('id-1234');
    const repeated = set.add(again, 0, again.length, 50_001);

    // Assess
    expect(firstRows.every((first) => first === 0)).toBe(true);
    expect(repeated).toBe(1234);
    expect(set.count).toBe(50_000);
    expect(set.bytes).toBe(131_072 * 12);
  });
});

describe('UniqueValueSet batches', () => {
  it('finds duplicates within a staged batch and against earlier batches, with their tags and first rows', () => {
    // Prepare
    const set = new UniqueValueSet();
    const found: [number, number, number][] = [];
    const values = ['a', 'b', 'a', 'c', 'b'];

    // Act
    values.slice(0, 3).forEach((value, k) => {
      set.stage(text(value), 0, value.length, k + 1, 100 + k);
    });
    set.flush((tag, row, first) => found.push([tag, row, first]));
    values.slice(3).forEach((value, k) => {
      set.stage(text(value), 0, value.length, k + 4, 200 + k);
    });
    set.flush((tag, row, first) => found.push([tag, row, first]));

    // Assess
    expect(found).toEqual([
      [102, 3, 1],
      [201, 5, 2],
    ]);
    expect(set.count).toBe(3);
  });

  it('says when a batch is full', () => {
    // Prepare
    const set = new UniqueValueSet();

    // Act
    for (let k = 0; k < 1024; k++) set.stage(text(`v${k}`), 0, `v${k}`.length, k + 1, k);

    // Assess
    expect(set.full).toBe(true);
    expect(set.stagedCount).toBe(1024);
  });
});
