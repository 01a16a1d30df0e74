/**
 * Area under the ROC curve by the rank method (Mann-Whitney U), with tied scores averaged.
 *
 * AUC = (R+ - n+(n+ + 1)/2) / (n+ n-), where R+ is the sum of the positives' ranks among all
 * scores and tied scores share their mean rank, which equals the trapezoidal area sklearn's
 * `roc_auc_score` computes. NaN when either class is absent. Cost O(n log n).
 * Reference: Hanley & McNeil (1982), Radiology 143(1).
 *
 * @example rocAuc([0.1, 0.4, 0.35, 0.8], [false, false, true, true]) // 0.75
 */
export const rocAuc = (scores: ArrayLike<number>, positive: ArrayLike<boolean>): number => {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && scores[order[end]] === scores[order[start]]) end++;
    // Ranks start + 1 .. end share their mean.
    const meanRank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) {
      if (positive[order[k]]) {
        positives++;
        rankSum += meanRank;
      }
    }
    start = end;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
};
