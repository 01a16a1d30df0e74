import { MetricNotFoundError } from '../../../src/domain/errors.js';
import { allMetrics, metricAt } from '../../../src/domain/metricAt.js';

const evaluation = { metrics: { roc_auc: { value: 0.88 }, accuracy: { value: 0.84 }, note: { value: 'n/a' } } };

describe('metricAt', () => {
  it('reads the number at a dotted path', () => {
    // Assess
    expect(metricAt(evaluation, 'metrics.roc_auc.value', 'churn/3')).toBe(0.88);
  });

  it.each(['metrics.f1.value', 'metrics.note.value', 'metrics.roc_auc'])('throws MetricNotFoundError at %s', (path) => {
    // Assess
    expect(() => metricAt(evaluation, path, 'churn/3')).toThrow(MetricNotFoundError);
  });
});

describe('allMetrics', () => {
  it('lists every numeric metric by name', () => {
    // Assess
    expect(allMetrics(evaluation)).toEqual({ roc_auc: 0.88, accuracy: 0.84 });
  });
});
