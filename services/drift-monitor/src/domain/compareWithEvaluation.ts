import { classificationMetrics, type QualityDrift, type QualityMetric, rocAuc } from '@fleet/drift';

/** One labelled prediction: the model's output as captured and the label that arrived later. */
export type LabelledPrediction = { output: string; label: string };

const METRICS: QualityMetric['name'][] = ['accuracy', 'precision', 'recall', 'f1', 'roc_auc'];

const isPositive = (text: string, positive: string): boolean => {
  const t = text.trim();
  if (t === positive) return true;
  const a = Number(t);
  return t !== '' && Number.isFinite(a) && a === Number(positive);
};

/**
 * The model's quality on the labelled predictions of a window against the metrics its package
 * was registered with (its evaluation report), metric by metric.
 *
 * Outputs are scores when every one is a number in [0, 1] and some are fractional (thresholded
 * for the class metrics, ranked for ROC-AUC), else class labels. Only metrics the evaluation
 * reports are compared; a metric drifts when it falls more than `allowedDrop` below it.
 */
export const compareWithEvaluation = (
  pairs: readonly LabelledPrediction[],
  evaluation: Readonly<Record<string, number>>,
  settings: { positive: string; threshold: number; allowedDrop: number; labels: string },
): QualityDrift => {
  const values = pairs.map((p) => Number(p.output));
  const scores = values.every((v) => Number.isFinite(v) && v >= 0 && v <= 1) && values.some((v) => v !== 0 && v !== 1);
  const actual = pairs.map((p) => isPositive(p.label, settings.positive));
  const predicted = scores
    ? values.map((v) => v >= settings.threshold)
    : pairs.map((p) => isPositive(p.output, settings.positive));
  const current: Record<string, number> = {
    ...classificationMetrics(predicted, actual),
    roc_auc: scores ? rocAuc(values, actual) : Number.NaN,
  };
  const metrics = METRICS.filter((name) => Number.isFinite(evaluation[name]) && Number.isFinite(current[name])).map(
    (name): QualityMetric => {
      const drop = evaluation[name] - current[name];
      return { name, baseline: evaluation[name], current: current[name], drop, drifted: drop > settings.allowedDrop };
    },
  );
  return {
    drifted: metrics.some((m) => m.drifted),
    allowedDrop: settings.allowedDrop,
    labels: settings.labels,
    positive: settings.positive,
    predictions: scores ? 'scores' : 'labels',
    nBaseline: 0,
    nCurrent: pairs.length,
    metrics,
  };
};
