import { mergeMoments } from '../../src/profile/mergeMoments.js';
import { QuantileSketch } from '../../src/profile/QuantileSketch.js';
import { mergeValueCounts, ValueCounter } from '../../src/profile/ValueCounter.js';

/** A deterministic pseudo-random sequence (mulberry32), so failures reproduce. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

describe('mergeMoments', () => {
  it('gives the moments of the union, as in its example', () => {
    // Act
    const merged = mergeMoments({ count: 2, mean: 1.5, m2: 0.5 }, { count: 1, mean: 3, m2: 0 });

    // Assess
    expect(merged).toEqual({ count: 3, mean: 2, m2: 2 });
  });

  it('matches a two-pass computation on large offset data', () => {
    // Prepare
    const next = random(1);
    const values = Array.from({ length: 10_000 }, () => 1e9 + next());
    const moments = (xs: number[]) => {
      const mean = xs.reduce((sum, x) => sum + x, 0) / xs.length;
      return { count: xs.length, mean, m2: xs.reduce((sum, x) => sum + (x - mean) ** 2, 0) };
    };

    // Act
    const merged = mergeMoments(moments(values.slice(0, 3000)), moments(values.slice(3000)));

    // Assess
    const whole = moments(values);
    expect(merged.count).toBe(whole.count);
    expect(merged.mean / whole.mean).toBeCloseTo(1, 12);
    expect(merged.m2 / whole.m2).toBeCloseTo(1, 6);
  });

  it('returns the other side when one side is empty', () => {
    // Act
    const merged = mergeMoments({ count: 0, mean: 0, m2: 0 }, { count: 2, mean: 5, m2: 2 });

    // Assess
    expect(merged).toEqual({ count: 2, mean: 5, m2: 2 });
  });
});

describe('ValueCounter', () => {
  it('counts up to maxDistinct distinct values, then reports none', () => {
    // Prepare
    const small = new ValueCounter(3);
    const large = new ValueCounter(3);

    // Act
    for (const value of ['a', 'b', 'a', 'c']) small.add(value);
    for (const value of ['a', 'b', 'c', 'd', 'a']) large.add(value);

    // Assess
    expect(small.toRecord()).toEqual({ a: 2, b: 1, c: 1 });
    expect(large.toRecord()).toBeNull();
    expect(large.active).toBe(false);
  });

  it('counts small integers and other numbers against one cap, and hands the counts over when it gives up', () => {
    // Prepare
    const handedOver: [number, number][][] = [];
    const counter = new ValueCounter<number>(3, (counts) => handedOver.push([...counts]));
    const kept = new ValueCounter<number>(3);

    // Act
    for (const value of [1, 2, 1, 1000.5, 7]) counter.add(value);
    for (const value of [0, 255, 256, 0]) kept.add(value);

    // Assess
    expect(counter.toRecord()).toBeNull();
    expect(handedOver).toEqual([
      [
        [1, 2],
        [2, 1],
        [1000.5, 1],
      ],
    ]);
    expect(kept.toRecord()).toEqual({ '0': 2, '255': 1, '256': 1 });
  });

  it('merges counts, and gives null when the union has too many distinct values', () => {
    // Act
    const merged = mergeValueCounts({ a: 1, b: 2 }, { b: 3, c: 1 }, 3);
    const tooMany = mergeValueCounts({ a: 1, b: 2 }, { c: 3, d: 1 }, 3);
    const capped = mergeValueCounts(null, { a: 1 }, 3);

    // Assess
    expect(merged).toEqual({ a: 1, b: 5, c: 1 });
    expect(tooMany).toBeNull();
    expect(capped).toBeNull();
  });
});

describe('QuantileSketch', () => {
  const exactQuantileRange = (sorted: number[], q: number) => {
    const rank = q * (sorted.length - 1);
    return [sorted[Math.floor(rank)], sorted[Math.ceil(rank)]];
  };

  it('reads every quantile within its relative accuracy, negatives and zeros included', () => {
    // Prepare
    const next = random(7);
    const values = Array.from({ length: 20_000 }, (_, i) => (i % 10 === 0 ? 0 : (next() - 0.3) * 10 ** (next() * 6)));
    const sketch = new QuantileSketch(0.01);
    for (const value of values) sketch.add(value);
    const sorted = [...values].sort((a, b) => a - b);

    // Act
    const checks = [0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1].map((q) => {
      const estimate = sketch.quantile(q);
      const [low, high] = exactQuantileRange(sorted, q);
      return estimate >= low - 0.01 * Math.abs(low) && estimate <= high + 0.01 * Math.abs(high);
    });

    // Assess
    expect(checks.every(Boolean)).toBe(true);
  });

  it('round-trips through its JSON state', () => {
    // Prepare
    const sketch = new QuantileSketch();
    for (const value of [-5, -1, 0, 0, 2, 3, 1000]) sketch.add(value);

    // Act
    const restored = QuantileSketch.fromState(JSON.parse(JSON.stringify(sketch.toState())));

    // Assess
    expect(restored.count).toBe(7);
    expect(restored.toState()).toEqual(sketch.toState());
    expect([0, 0.3, 0.5, 1].map((q) => restored.quantile(q))).toEqual([0, 0.3, 0.5, 1].map((q) => sketch.quantile(q)));
  });

  it('merges states into the state of one sketch over both inputs, negative values included', () => {
    // Prepare
    const left = new QuantileSketch();
    const right = new QuantileSketch();
    const both = new QuantileSketch();
    [-300, -2, 0, 1, 50].forEach((value) => {
      left.add(value);
      both.add(value);
    });
    [-7, 0, 0.001, 9e6].forEach((value) => {
      right.add(value);
      both.add(value);
    });

    // Act
    const merged = QuantileSketch.mergeStates(left.toState(), right.toState());

    // Assess
    expect(merged).toEqual(both.toState());
  });

  it('refuses to merge sketches of different accuracy', () => {
    // Act
    const merge = () =>
      QuantileSketch.mergeStates(new QuantileSketch(0.01).toState(), new QuantileSketch(0.02).toState());

    // Assess
    expect(merge).toThrow(RangeError);
  });
});
