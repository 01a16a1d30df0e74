import { DriftInputError } from '../DriftInputError.js';
import type { QualityDrift, QualityMetric } from '../DriftResult.js';
import type { DataTable } from '../table/DataTable.js';
import { parseFiniteNumber } from '../table/parseFiniteNumber.js';
import { classificationMetrics } from './classificationMetrics.js';
import { rocAuc } from './rocAuc.js';

/** Where the predictions and labels are and how to read them. */
export type QualitySettings = {
  prediction: string;
  labels: string;
  /** The positive class as written in the labels (and in label predictions). */
  positive: string;
  /** Scores at or above this are predicted positive. */
  threshold: number;
  allowedDrop: number;
  nullValues: string[];
};

type Pairs = { predictions: string[]; labels: string[] };

const sameLabel = (a: string, b: string): boolean => {
  if (a.trim() === b.trim()) return true;
  const x = parseFiniteNumber(a);
  return x !== undefined && x === parseFiniteNumber(b);
};

const labelledRows = (table: DataTable, settings: QualitySettings): Pairs => {
  const p = table.header.indexOf(settings.prediction);
  const l = table.header.indexOf(settings.labels);
  const nulls = new Set(settings.nullValues.map((v) => v.trim()));
  const pairs: Pairs = { predictions: [], labels: [] };
  for (const row of table.rows) {
    if (nulls.has(row[p].trim()) || nulls.has(row[l].trim())) continue;
    pairs.predictions.push(row[p]);
    pairs.labels.push(row[l]);
  }
  return pairs;
};

/** Scores when every prediction is a number in [0, 1] and not all of them are exactly 0 or 1. */
const readsAsScores = (sides: Pairs[]): boolean => {
  let fractional = false;
  for (const side of sides) {
    for (const text of side.predictions) {
      const value = parseFiniteNumber(text);
      if (value === undefined || value < 0 || value > 1) return false;
      if (value !== 0 && value !== 1) fractional = true;
    }
  }
  return fractional;
};

const metricsOf = (pairs: Pairs, scores: boolean, settings: QualitySettings): Record<QualityMetric['name'], number> => {
  const actual = pairs.labels.map((label) => sameLabel(label, settings.positive));
  const values = pairs.predictions.map((text) => parseFiniteNumber(text) ?? Number.NaN);
  const predicted = scores
    ? values.map((score) => score >= settings.threshold)
    : pairs.predictions.map((text) => sameLabel(text, settings.positive));
  const metrics = classificationMetrics(predicted, actual);
  // With class labels, accuracy counts exact matches, which also holds for more than two classes.
  const accuracy = scores
    ? metrics.accuracy
    : pairs.predictions.filter((text, i) => sameLabel(text, pairs.labels[i])).length / pairs.predictions.length;
  return { ...metrics, accuracy, roc_auc: scores ? rocAuc(values, actual) : Number.NaN };
};

/**
 * Compares the model's quality on the current labelled rows with its quality on the baseline's.
 *
 * Predictions are read as probability scores (thresholded for the class metrics, ranked for
 * ROC-AUC) when every value is a number in [0, 1] and some are fractional, else as class
 * labels (then ROC-AUC is not reported: it needs scores). A metric drifts when it falls more
 * than `allowedDrop` below the baseline's. Returns a note instead when either side has no
 * row with both a prediction and a label.
 *
 * @throws DriftInputError when the positive class never occurs in the baseline's labels
 */
export const compareQuality = (
  baseline: DataTable,
  current: DataTable,
  settings: QualitySettings,
): { quality: QualityDrift } | { note: string } => {
  const b = labelledRows(baseline, settings);
  const c = labelledRows(current, settings);
  if (b.labels.length === 0 || c.labels.length === 0) {
    const side = b.labels.length === 0 ? baseline.source : current.source;
    return { note: `No quality drift: ${side} has no row with both a prediction and a label.` };
  }
  if (!b.labels.some((label) => sameLabel(label, settings.positive))) {
    throw new DriftInputError(
      `drift settings: labels.positive: "${settings.positive}" never occurs in column "${settings.labels}" of ${baseline.source}; set labels.positive`,
    );
  }
  const scores = readsAsScores([b, c]);
  const before = metricsOf(b, scores, settings);
  const after = metricsOf(c, scores, settings);
  const names: QualityMetric['name'][] = ['accuracy', 'precision', 'recall', 'f1'];
  if (scores) names.push('roc_auc');
  const metrics = names
    .filter((name) => Number.isFinite(before[name]) && Number.isFinite(after[name]))
    .map((name) => {
      const drop = before[name] - after[name];
      return { name, baseline: before[name], current: after[name], drop, drifted: drop > settings.allowedDrop };
    });
  return {
    quality: {
      drifted: metrics.some((m) => m.drifted),
      allowedDrop: settings.allowedDrop,
      labels: settings.labels,
      positive: settings.positive,
      predictions: scores ? 'scores' : 'labels',
      nBaseline: b.labels.length,
      nCurrent: c.labels.length,
      metrics,
    },
  };
};
