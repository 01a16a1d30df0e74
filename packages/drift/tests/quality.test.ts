import { classificationMetrics, rocAuc } from '../src/index.js';

describe('rocAuc', () => {
  it('returns the area under the ROC curve with tied scores averaged', () => {
    // Prepare: reference from SciPy 1.17 mannwhitneyu(pos, neg).statistic / (n+ n-), which equals sklearn's roc_auc_score
    const labels = [1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 1].map((y) => y === 1);
    const scores = [0.9, 0.9, 0.5, 0.5, 0.5, 0.2, 0.7, 0.1, 0.5, 0.7, 0.3, 0.9];

    // Act
    const auc = rocAuc(scores, labels);

    // Assess
    expect(auc).toBeCloseTo(0.6285714285714286, 14);
  });

  it('returns 0.75 for the textbook example', () => {
    // Act
    const auc = rocAuc([0.1, 0.4, 0.35, 0.8], [false, false, true, true]);

    // Assess
    expect(auc).toBe(0.75);
  });

  it('returns 0.5 when every score is tied', () => {
    // Act
    const auc = rocAuc([0.3, 0.3, 0.3, 0.3], [true, false, true, false]);

    // Assess
    expect(auc).toBe(0.5);
  });

  it('returns NaN when one class is absent', () => {
    // Act
    const auc = rocAuc([0.2, 0.8], [true, true]);

    // Assess
    expect(auc).toBeNaN();
  });
});

describe('classificationMetrics', () => {
  it('returns accuracy, precision, recall and F1 of the positive class', () => {
    // Prepare: TP 2, FP 1, FN 2, TN 3
    const predicted = [true, true, true, false, false, false, false, false].map(Boolean);
    const actual = [true, true, false, true, true, false, false, false];

    // Act
    const metrics = classificationMetrics(predicted, actual);

    // Assess
    expect(metrics.accuracy).toBeCloseTo(5 / 8, 15);
    expect(metrics.precision).toBeCloseTo(2 / 3, 15);
    expect(metrics.recall).toBeCloseTo(2 / 4, 15);
    expect(metrics.f1).toBeCloseTo((2 * (2 / 3) * 0.5) / (2 / 3 + 0.5), 15);
  });

  it('returns 0 for precision, recall and F1 when nothing is predicted or labelled positive', () => {
    // Act
    const metrics = classificationMetrics([false, false], [false, false]);

    // Assess
    expect(metrics).toEqual({ accuracy: 1, precision: 0, recall: 0, f1: 0 });
  });
});
