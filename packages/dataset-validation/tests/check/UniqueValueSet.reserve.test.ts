import { UniqueValueSet } from '../../src/check/UniqueValueSet.js';

const text = (value: string) => new TextEncoder().encode(value);

describe('UniqueValueSet.reserve', () => {
  it('sizes the table once for the expected count at 80 % full, and fills it without growing', () => {
    // Prepare
    const set = new UniqueValueSet();
    set.reserve(100_000);
    const reserved = set.bytes;

    // Act
    let duplicates = 0;
    for (let row = 1; row <= 100_000; row++) {
      const bytes = text(`CUST-${String(row).padStart(9, '0')}`);
      if (set.add(bytes, 0, bytes.length, row) !== 0) duplicates++;
    }
    const again = text('CUST-000054321');

    // Assess: 2^17 slots hold 100 000 values at 76 %; at 70 % they would take 2^18.
    expect(reserved).toBe(131_072 * 12);
    expect(set.bytes).toBe(reserved);
    expect(duplicates).toBe(0);
    expect(set.count).toBe(100_000);
    expect(set.add(again, 0, again.length, 100_001)).toBe(54_321);
  });

  it('grows by doubling when the estimate was short', () => {
    // Prepare
    const set = new UniqueValueSet();
    set.reserve(1000);

    // Act
    for (let row = 1; row <= 5000; row++) {
      const bytes = text(`v${row}`);
      set.add(bytes, 0, bytes.length, row);
    }

    // Assess: 5000 values at most 80 % full need 2^13 slots.
    expect(set.count).toBe(5000);
    expect(set.bytes).toBe(8192 * 12);
  });
});
