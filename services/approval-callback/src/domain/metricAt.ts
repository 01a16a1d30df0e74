import { MetricNotFoundError } from './errors.js';

/**
 * Reads the number at a dotted path (`metrics.roc_auc.value`) of an evaluation JSON.
 *
 * @throws MetricNotFoundError when a step of the path is missing or the value is not a finite number
 * @example
 * metricAt({ metrics: { roc_auc: { value: 0.88 } } }, 'metrics.roc_auc.value', 'churn/3') // 0.88
 */
export const metricAt = (evaluation: unknown, path: string, where: string): number => {
  let value: unknown = evaluation;
  for (const step of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, step)) {
      throw new MetricNotFoundError(path, where);
    }
    value = (value as Record<string, unknown>)[step];
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new MetricNotFoundError(path, where);
  return value;
};

/**
 * Every metric of an evaluation laid out as `{"metrics": {"<name>": {"value": <number>}}}`, by
 * name, for the events; entries without a finite number are left out.
 *
 * @example
 * allMetrics({ metrics: { roc_auc: { value: 0.88 }, accuracy: { value: 0.84 } } }) // { roc_auc: 0.88, accuracy: 0.84 }
 */
export const allMetrics = (evaluation: unknown): Record<string, number> => {
  const metrics = (evaluation as { metrics?: unknown } | null)?.metrics;
  if (typeof metrics !== 'object' || metrics === null) return {};
  const found: Record<string, number> = {};
  for (const [name, entry] of Object.entries(metrics)) {
    const value = (entry as { value?: unknown } | null)?.value;
    if (typeof value === 'number' && Number.isFinite(value)) found[name] = value;
  }
  return found;
};
