/** Accuracy, and precision, recall and F1 of the positive class. */
export type ClassificationMetrics = { accuracy: number; precision: number; recall: number; f1: number };

/**
 * Computes accuracy, precision, recall and F1 from predicted and true positive flags.
 *
 * Follows sklearn's `zero_division=0` convention: precision is 0 when nothing is predicted
 * positive, recall 0 when nothing is positive, F1 0 when both are 0, so a degenerate
 * window reads as bad quality instead of a missing number. Cost O(n).
 *
 * @example classificationMetrics([true, true, false, false], [true, false, true, false])
 *   // { accuracy: 0.5, precision: 0.5, recall: 0.5, f1: 0.5 }
 */
export const classificationMetrics = (
  predicted: ArrayLike<boolean>,
  actual: ArrayLike<boolean>,
): ClassificationMetrics => {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let i = 0; i < predicted.length; i++) {
    if (predicted[i] && actual[i]) tp++;
    else if (predicted[i]) fp++;
    else if (actual[i]) fn++;
    else tn++;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { accuracy: (tp + tn) / (tp + fp + fn + tn), precision, recall, f1 };
};
