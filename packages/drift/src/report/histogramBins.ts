/** Bin edges shared by both sides and each side's share of values per bin. */
export type Histogram = {
  edges: number[];
  baseline: number[];
  current: number[];
  /** True when each bin holds one integer, centred on it (then label the centres, not the edges). */
  unitBins: boolean;
};

const shareIn = (values: Float64Array, edges: number[]): number[] => {
  const counts = new Array<number>(edges.length - 1).fill(0);
  const first = edges[0];
  const width = (edges[edges.length - 1] - first) / (edges.length - 1);
  for (const value of values) {
    const bin = width === 0 ? 0 : Math.min(counts.length - 1, Math.max(0, Math.floor((value - first) / width)));
    counts[bin]++;
  }
  return counts.map((c) => (values.length === 0 ? 0 : c / values.length));
};

/**
 * Builds an overlaid histogram: equal-width bins over the range of both samples together.
 *
 * Sharing the bins is what makes the two sides comparable by eye. Integer data with a small
 * range gets one bin per integer (centred on it), so a 0/1 or 1..12 column does not show
 * misleading empty bins between its values. Shares, not counts, so sides of different sizes
 * overlay. Cost O(n).
 */
export const histogramBins = (baseline: Float64Array, current: Float64Array, maxBins = 20): Histogram => {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let integers = true;
  for (const side of [baseline, current]) {
    for (const v of side) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
      if (integers && !Number.isInteger(v)) integers = false;
    }
  }
  if (!Number.isFinite(lo)) return { edges: [0, 1], baseline: [0], current: [0], unitBins: false };
  let edges: number[];
  const unitBins = integers && hi - lo + 1 <= 30;
  if (unitBins) {
    edges = Array.from({ length: hi - lo + 2 }, (_, i) => lo - 0.5 + i);
  } else if (lo === hi) {
    edges = [lo - 0.5, hi + 0.5];
  } else {
    edges = Array.from({ length: maxBins + 1 }, (_, i) => lo + ((hi - lo) * i) / maxBins);
  }
  return { edges, baseline: shareIn(baseline, edges), current: shareIn(current, edges), unitBins };
};
