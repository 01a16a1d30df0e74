import { qualityGate } from '../../../src/domain/qualityGate.js';

describe('qualityGate', () => {
  it('passes a challenger that drops exactly the allowed regression (0.84 vs 0.86, allowed 0.02)', () => {
    // Act
    const verdict = qualityGate({
      metric: 'roc_auc',
      challenger: 0.84,
      champion: 0.86,
      minimum: 0.7,
      maxRegression: 0.02,
    });

    // Assess
    expect(verdict.passed).toBe(true);
  });

  it('rejects a drop beyond the allowed regression, stating both numbers', () => {
    // Act
    const verdict = qualityGate({
      metric: 'roc_auc',
      challenger: 0.83,
      champion: 0.86,
      minimum: 0.7,
      maxRegression: 0.02,
    });

    // Assess
    expect(verdict.passed).toBe(false);
    expect(verdict.reason).toBe('roc_auc 0.83 vs champion 0.86: a drop of 0.03, more than the allowed 0.02');
  });

  it('rejects a challenger below the minimum even when it beats the champion', () => {
    // Act
    const verdict = qualityGate({ metric: 'roc_auc', challenger: 0.69, champion: 0.6, minimum: 0.7, maxRegression: 0 });

    // Assess
    expect(verdict).toEqual({ passed: false, reason: 'roc_auc 0.69 is below the minimum 0.7 (champion 0.6)' });
  });

  it('compares with the minimum only when there is no champion', () => {
    // Act
    const verdicts = [0.7, 0.69].map((challenger) =>
      qualityGate({ metric: 'roc_auc', challenger, minimum: 0.7, maxRegression: 0 }),
    );

    // Assess
    expect(verdicts.map((v) => v.passed)).toEqual([true, false]);
    expect(verdicts[0]?.reason).toBe('roc_auc 0.7 vs no champion');
  });

  it('rejects any drop when maxRegression is 0, and passes an equal challenger', () => {
    // Act
    const equal = qualityGate({ metric: 'f1', challenger: 0.8, champion: 0.8, maxRegression: 0 });
    const lower = qualityGate({ metric: 'f1', challenger: 0.799, champion: 0.8, maxRegression: 0 });

    // Assess
    expect([equal.passed, lower.passed]).toEqual([true, false]);
  });
});
