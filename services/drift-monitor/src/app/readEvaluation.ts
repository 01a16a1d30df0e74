import type { DriftPorts } from './ports.js';

const NAMES: Record<string, string> = {
  auc: 'roc_auc',
  roc_auc: 'roc_auc',
  accuracy: 'accuracy',
  precision: 'precision',
  recall: 'recall',
  f1: 'f1',
};

const flatten = (section: unknown): Record<string, number> => {
  const out: Record<string, number> = {};
  if (typeof section !== 'object' || section === null) return out;
  for (const [name, entry] of Object.entries(section as Record<string, unknown>)) {
    const value = typeof entry === 'number' ? entry : (entry as { value?: unknown } | null)?.value;
    if (NAMES[name] !== undefined && typeof value === 'number') out[NAMES[name]] = value;
  }
  return out;
};

/**
 * Reads a model package's evaluation report: `{"metrics": {"roc_auc": {"value": 0.88}, ...}}`
 * as the fleet's pipelines write it, or SageMaker's model-quality form
 * `{"binary_classification_metrics": {"auc": {"value": ...}, ...}}`.
 */
export const readEvaluation = async (
  uri: string,
  ports: Pick<DriftPorts, 'objects'>,
): Promise<Record<string, number>> => {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
  if (match === null) return {};
  const parsed = JSON.parse(await ports.objects.text({ bucket: match[1], key: match[2] })) as Record<string, unknown>;
  return { ...flatten(parsed.binary_classification_metrics), ...flatten(parsed.metrics) };
};
