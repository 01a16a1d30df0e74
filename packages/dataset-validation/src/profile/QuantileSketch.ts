import { DDSketch } from '@datadog/sketches-js';

/** The default relative accuracy of column quantiles: 1 %. */
export const DEFAULT_RELATIVE_ACCURACY = 0.01;

/** The counts of one side (positive or negative values) of a sketch, dense from key `offset`. */
export type SketchBins = { offset: number; counts: number[] };

/**
 * A DDSketch as plain JSON: the bin counts of its logarithmic mapping.
 *
 * Two states with the same `relativeAccuracy` merge by adding counts key by key, which is
 * exactly what merging the sketches does, so merged quantiles keep the same error bound.
 */
export type QuantileSketchState = {
  relativeAccuracy: number;
  zeroCount: number;
  positive: SketchBins;
  negative: SketchBins;
};

/** Magnitudes on which the inlined key formula must agree with the library's mapping. */
const KEY_PROBES = [1e-300, 1e-9, 0.01, 0.5, 1, 1.5, 2, 29.85, 1000, 123456.789, 1.7e12, 1e300];

/** Dense counters for a range of keys that grows both ways, as DDSketch's DenseStore. */
class DenseBins {
  private counts = new Float64Array(0);
  private offset = 0;
  private minKey = Number.POSITIVE_INFINITY;
  private maxKey = Number.NEGATIVE_INFINITY;

  add(key: number, weight: number): void {
    if (key < this.minKey || key > this.maxKey) this.extend(key);
    this.counts[key - this.offset] += weight;
  }

  toBins(): SketchBins {
    if (this.minKey > this.maxKey) return { offset: 0, counts: [] };
    const from = this.minKey - this.offset;
    return { offset: this.minKey, counts: Array.from(this.counts.subarray(from, this.maxKey - this.offset + 1)) };
  }

  private extend(key: number): void {
    const minKey = Math.min(this.minKey, key);
    const maxKey = Math.max(this.maxKey, key);
    if (minKey >= this.offset && maxKey < this.offset + this.counts.length) {
      this.minKey = minKey;
      this.maxKey = maxKey;
      return;
    }
    const span = maxKey - minKey + 1;
    const length = Math.max(64, span * 2);
    const offset = minKey - Math.floor((length - span) / 2);
    const counts = new Float64Array(length);
    if (this.minKey <= this.maxKey) {
      counts.set(this.counts.subarray(this.minKey - this.offset, this.maxKey - this.offset + 1), this.minKey - offset);
    }
    this.counts = counts;
    this.offset = offset;
    this.minKey = minKey;
    this.maxKey = maxKey;
  }
}

const addBins = (a: SketchBins, b: SketchBins): SketchBins => {
  if (a.counts.length === 0) return { offset: b.offset, counts: [...b.counts] };
  if (b.counts.length === 0) return { offset: a.offset, counts: [...a.counts] };
  const offset = Math.min(a.offset, b.offset);
  const end = Math.max(a.offset + a.counts.length, b.offset + b.counts.length);
  const counts = new Array<number>(end - offset).fill(0);
  for (let i = 0; i < a.counts.length; i++) counts[a.offset - offset + i] += a.counts[i];
  for (let i = 0; i < b.counts.length; i++) counts[b.offset - offset + i] += b.counts[i];
  return { offset, counts };
};

const fillStore = (store: DDSketch['store'], bins: SketchBins): number => {
  let total = 0;
  for (let i = 0; i < bins.counts.length; i++) {
    const count = bins.counts[i];
    if (count > 0) {
      store.add(bins.offset + i, count);
      total += count;
    }
  }
  return total;
};

/**
 * A mergeable quantile sketch (DDSketch, Masson, Rim and Lee, VLDB 2019) over one column.
 *
 * Values are bucketed by the logarithmic mapping of `@datadog/sketches-js` and counted in typed
 * arrays (cheaper per value than the library's store); quantiles are read by the library from
 * the same bins. The state is JSON, and merging adds bins, because the library's own `merge`
 * (2.1.1) drops the negative values of the merged sketch. Memory is one counter per log-bucket
 * between the smallest and largest magnitude: ln(max / min) / ln((1 + a) / (1 - a)), a few
 * hundred for real data at a = 1 %.
 */
export class QuantileSketch {
  private readonly mapping: DDSketch['mapping'];
  private readonly minPossible: number;
  /** The mapping's own key formula, inlined (a method chain per value costs more than the log). */
  private readonly multiplier: number;
  private readonly keyOffset: number;
  private readonly inlineKey: boolean;
  private readonly positive = new DenseBins();
  private readonly negative = new DenseBins();
  private zeroCount = 0;
  private total = 0;

  constructor(readonly relativeAccuracy = DEFAULT_RELATIVE_ACCURACY) {
    this.mapping = new DDSketch({ relativeAccuracy }).mapping;
    this.minPossible = this.mapping.minPossible;
    const inner = this.mapping as unknown as { _multiplier?: number; _offset?: number };
    this.multiplier = inner._multiplier ?? Number.NaN;
    this.keyOffset = inner._offset ?? 0;
    // The inlined formula is the logarithmic mapping's; any other mapping keeps the method.
    this.inlineKey = KEY_PROBES.every((value) => this.inlinedKey(value) === this.mapping.key(value));
  }

  private inlinedKey(value: number): number {
    return Math.ceil(Math.log2(value) * this.multiplier) + this.keyOffset;
  }

  /** Adds one finite value, `weight` times. */
  add(value: number, weight = 1): void {
    this.total += weight;
    if (value > this.minPossible) {
      this.positive.add(this.inlineKey ? this.inlinedKey(value) : this.mapping.key(value), weight);
    } else if (value < -this.minPossible) {
      this.negative.add(this.inlineKey ? this.inlinedKey(-value) : this.mapping.key(-value), weight);
    } else this.zeroCount += weight;
  }

  /** The number of values added. */
  get count(): number {
    return this.total;
  }

  /** The value at quantile `q` (0..1), within the relative accuracy; NaN when empty. */
  quantile(q: number): number {
    return QuantileSketch.reader(this.toState())(q);
  }

  /** The sketch as plain JSON. */
  toState(): QuantileSketchState {
    return {
      relativeAccuracy: this.relativeAccuracy,
      zeroCount: this.zeroCount,
      positive: this.positive.toBins(),
      negative: this.negative.toBins(),
    };
  }

  /** Rebuilds a sketch from its JSON state. */
  static fromState(state: QuantileSketchState): QuantileSketch {
    const restored = new QuantileSketch(state.relativeAccuracy);
    const { positive, negative } = state;
    positive.counts.forEach((count, i) => {
      if (count > 0) restored.positive.add(positive.offset + i, count);
    });
    negative.counts.forEach((count, i) => {
      if (count > 0) restored.negative.add(negative.offset + i, count);
    });
    restored.zeroCount = state.zeroCount;
    restored.total =
      positive.counts.reduce((a, b) => a + b, 0) + negative.counts.reduce((a, b) => a + b, 0) + state.zeroCount;
    return restored;
  }

  /** A function reading quantiles (0..1) of a state with the library's DDSketch. */
  static reader(state: QuantileSketchState): (q: number) => number {
    const sketch = new DDSketch({ relativeAccuracy: state.relativeAccuracy });
    const positives = fillStore(sketch.store, state.positive);
    const negatives = fillStore(sketch.negativeStore, state.negative);
    sketch.zeroCount = state.zeroCount;
    sketch.count = positives + negatives + state.zeroCount;
    return (q) => sketch.getValueAtQuantile(q);
  }

  /**
   * Merges two sketch states into the state of a sketch that saw both inputs.
   *
   * @throws RangeError when the relative accuracies differ (their buckets do not line up)
   */
  static mergeStates(a: QuantileSketchState, b: QuantileSketchState): QuantileSketchState {
    if (a.relativeAccuracy !== b.relativeAccuracy) {
      throw new RangeError(
        `cannot merge sketches of relative accuracy ${a.relativeAccuracy} and ${b.relativeAccuracy}`,
      );
    }
    return {
      relativeAccuracy: a.relativeAccuracy,
      zeroCount: a.zeroCount + b.zeroCount,
      positive: addBins(a.positive, b.positive),
      negative: addBins(a.negative, b.negative),
    };
  }
}
