import { DDSketch } from '@datadog/sketches-js';

/** The default relative accuracy of column quantiles: 1 %. */
export const DEFAULT_RELATIVE_ACCURACY = 0.01;

/** The counts of one side (positive or negative values) of a sketch, dense from `offset`. */
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

type Store = DDSketch['store'];

const binsOf = (store: Store): SketchBins => {
  if (store.count === 0) return { offset: 0, counts: [] };
  const from = store.minKey - store.offset;
  return { offset: store.minKey, counts: store.bins.slice(from, store.maxKey - store.offset + 1) };
};

const fillStore = (store: Store, bins: SketchBins): number => {
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

/**
 * A mergeable quantile sketch (DDSketch, Masson, Rim and Lee, VLDB 2019) over one column.
 *
 * Wraps `@datadog/sketches-js` for the mapping and the quantile query, and keeps its state as
 * JSON. Merging is done on the JSON state because the library's own `merge` (2.1.1) drops the
 * negative values of the merged sketch. Memory is one counter per occupied log-bucket: about
 * 2 * ln(max / min) / ln((1 + a) / (1 - a)) counters, a few hundred for real data at 1 %.
 */
export class QuantileSketch {
  private readonly sketch: DDSketch;

  constructor(readonly relativeAccuracy = DEFAULT_RELATIVE_ACCURACY) {
    this.sketch = new DDSketch({ relativeAccuracy });
  }

  /** Adds one finite value. */
  add(value: number): void {
    this.sketch.accept(value);
  }

  /** The number of values added. */
  get count(): number {
    return this.sketch.count;
  }

  /** The value at quantile `q` (0..1), within the relative accuracy; NaN when empty. */
  quantile(q: number): number {
    return this.sketch.getValueAtQuantile(q);
  }

  /** The sketch as plain JSON. */
  toState(): QuantileSketchState {
    return {
      relativeAccuracy: this.relativeAccuracy,
      zeroCount: this.sketch.zeroCount,
      positive: binsOf(this.sketch.store),
      negative: binsOf(this.sketch.negativeStore),
    };
  }

  /** Rebuilds a sketch from its JSON state. */
  static fromState(state: QuantileSketchState): QuantileSketch {
    const restored = new QuantileSketch(state.relativeAccuracy);
    const inner = restored.sketch;
    const positives = fillStore(inner.store, state.positive);
    const negatives = fillStore(inner.negativeStore, state.negative);
    inner.zeroCount = state.zeroCount;
    inner.count = positives + negatives + state.zeroCount;
    return restored;
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
