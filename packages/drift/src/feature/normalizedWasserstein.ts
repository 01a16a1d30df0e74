import { wassersteinDistance } from '@fleet/stats';

/** Below this baseline standard deviation the distance is divided by this floor instead. */
const minScale = 1e-3;

const populationStd = (values: Float64Array): number => {
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let squares = 0;
  for (const v of values) squares += (v - mean) * (v - mean);
  return Math.sqrt(squares / values.length);
};

/**
 * Wasserstein distance between two samples divided by the baseline's population standard deviation.
 *
 * Dividing makes the distance unit-free, so one threshold (0.1: a tenth of a standard
 * deviation) fits every feature. A constant baseline would divide by zero, so the scale is
 * floored at 1e-3. Cost O(n log n).
 */
export const normalizedWasserstein = (baseline: Float64Array, current: Float64Array): number =>
  wassersteinDistance(baseline, current) / Math.max(populationStd(baseline), minScale);
