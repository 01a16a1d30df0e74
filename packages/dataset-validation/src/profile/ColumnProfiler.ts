import type { ColumnType } from '@fleet/shared/contract';
import type { ColumnProfile, ColumnQuantiles } from './ColumnProfile.js';
import { DEFAULT_RELATIVE_ACCURACY, QuantileSketch, type QuantileSketchState } from './QuantileSketch.js';
import { DEFAULT_MAX_DISTINCT, ValueCounter } from './ValueCounter.js';

const NUMERIC_TYPES: ReadonlySet<ColumnType> = new Set(['integer', 'number', 'boolean', 'timestamp']);
const SKETCHED_TYPES: ReadonlySet<ColumnType> = new Set(['integer', 'number', 'timestamp']);

/**
 * Reads the quantiles of a sketch state, clamped to the exact range seen.
 *
 * Clamping to [min, max] only moves an estimate towards the true value, so the bound holds.
 */
export const quantilesOf = (state: QuantileSketchState, min: number, max: number): ColumnQuantiles => {
  const read = QuantileSketch.reader(state);
  const at = (q: number) => Math.min(max, Math.max(min, read(q)));
  return {
    relativeAccuracy: state.relativeAccuracy,
    p01: at(0.01),
    p05: at(0.05),
    p25: at(0.25),
    p50: at(0.5),
    p75: at(0.75),
    p95: at(0.95),
    p99: at(0.99),
  };
};

/**
 * Accumulates the profile of one column in memory that does not grow with the file.
 *
 * Moments use Welford's update (stable in one pass), quantiles a DDSketch, and value counts
 * stop at `maxDistinct` distinct values.
 */
export class ColumnProfiler {
  nulls = 0;
  invalid = 0;
  private count = 0;
  private mean = 0;
  private m2 = 0;
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;
  private minLength = Number.POSITIVE_INFINITY;
  private maxLength = Number.NEGATIVE_INFINITY;
  private readonly sketch: QuantileSketch | null;
  /** Integer and number columns count values first and sketch them only once they are many. */
  private readonly deferSketch: boolean;
  readonly values: ValueCounter;

  constructor(
    readonly type: ColumnType,
    options: { relativeAccuracy?: number; maxDistinct?: number } = {},
  ) {
    this.sketch = SKETCHED_TYPES.has(type)
      ? new QuantileSketch(options.relativeAccuracy ?? DEFAULT_RELATIVE_ACCURACY)
      : null;
    this.deferSketch = type === 'integer' || type === 'number';
    const sketch = this.sketch;
    this.values = new ValueCounter(
      options.maxDistinct ?? DEFAULT_MAX_DISTINCT,
      this.deferSketch
        ? (counts) => {
            for (const [value, weight] of counts) sketch?.add(value as number, weight);
          }
        : undefined,
    );
  }

  /**
   * Records one valid value of a numeric, boolean (0/1) or timestamp (epoch ms) column.
   *
   * `key` names the value in the value counts of boolean and timestamp columns; integer and
   * number columns are counted by the value itself. While a numeric column has few distinct
   * values, its sketch is built from the counts (a weighted add gives the same bins).
   */
  addNumber(value: number, key?: string): void {
    const count = ++this.count;
    const delta = value - this.mean;
    this.mean += delta / count;
    this.m2 += delta * (value - this.mean);
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    const values = this.values;
    if (this.deferSketch) {
      if (values.active) {
        values.add(value);
        if (values.active) return;
      }
      (this.sketch as QuantileSketch).add(value);
      return;
    }
    this.sketch?.add(value);
    if (values.active && key !== undefined) values.add(key);
  }

  /** Records one valid value of a string or category column by its length in characters. */
  addText(length: number): void {
    this.count++;
    if (length < this.minLength) this.minLength = length;
    if (length > this.maxLength) this.maxLength = length;
  }

  private sketchState(sketch: QuantileSketch): QuantileSketchState {
    const counts = this.deferSketch ? this.values.entries() : null;
    if (counts === null) return sketch.toState();
    const counted = new QuantileSketch(sketch.relativeAccuracy);
    for (const [value, weight] of counts) counted.add(value as number, weight);
    return counted.toState();
  }

  /** The profile so far, as plain JSON. */
  toProfile(): ColumnProfile {
    const numeric = NUMERIC_TYPES.has(this.type) && this.count > 0;
    const textual = !NUMERIC_TYPES.has(this.type) && this.count > 0;
    const sketch = this.sketch && this.count > 0 ? this.sketchState(this.sketch) : null;
    return {
      type: this.type,
      count: this.count,
      nulls: this.nulls,
      invalid: this.invalid,
      min: numeric ? this.min : null,
      max: numeric ? this.max : null,
      mean: numeric ? this.mean : null,
      m2: numeric ? this.m2 : null,
      variance: numeric && this.count > 1 ? this.m2 / (this.count - 1) : null,
      minLength: textual ? this.minLength : null,
      maxLength: textual ? this.maxLength : null,
      quantiles: sketch ? quantilesOf(sketch, this.min, this.max) : null,
      sketch,
      maxDistinct: this.values.maxDistinct,
      valueCounts: this.values.toRecord(),
    };
  }
}
