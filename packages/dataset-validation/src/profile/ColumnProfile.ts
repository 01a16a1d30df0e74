import type { ColumnType } from '@fleet/shared/contract';
import type { QuantileSketchState } from './QuantileSketch.js';

/**
 * Quantiles read from a column's DDSketch.
 *
 * Each value is within `relativeAccuracy` (relative error) of the exact quantile of rank
 * `q * (count - 1)`: the guarantee DDSketch gives, which survives merging.
 */
export type ColumnQuantiles = {
  relativeAccuracy: number;
  p01: number;
  p05: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  p99: number;
};

/**
 * The profile of one column: counts, range, moments, quantiles and (when few) value counts.
 *
 * Plain JSON, and mergeable: `mergeProfiles` of two partitions gives the profile of both.
 * Numeric statistics cover integer, number, boolean (true = 1) and timestamp (epoch
 * milliseconds) columns; string and category columns report lengths and value counts.
 * `m2` is the sum of squared deviations from the mean, kept so that variances merge exactly
 * (Chan, Golub and LeVeque's parallel algorithm); `variance` is the sample variance (n - 1).
 * `valueCounts` is null once the column has more than `maxDistinct` distinct values.
 */
export type ColumnProfile = {
  type: ColumnType;
  /** Non-null cells whose text parsed as the column's type. */
  count: number;
  /** Cells holding one of the contract's null tokens. */
  nulls: number;
  /** Non-null cells that did not parse as the column's type. */
  invalid: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  m2: number | null;
  variance: number | null;
  minLength: number | null;
  maxLength: number | null;
  quantiles: ColumnQuantiles | null;
  sketch: QuantileSketchState | null;
  maxDistinct: number;
  valueCounts: Record<string, number> | null;
};
