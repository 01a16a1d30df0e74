/** Metric values of one evaluation by name, e.g. `{ roc_auc: 0.88, accuracy: 0.84 }`. */
export type EvaluationMetrics = Record<string, number>;

/** What a pipeline's evaluation step writes when a scenario sets no metrics. */
export const DEFAULT_EVALUATION_METRICS: Readonly<EvaluationMetrics> = Object.freeze({ accuracy: 0.84, roc_auc: 0.88 });

/**
 * The evaluation JSON a pipeline's evaluation step writes and its model package's
 * `ModelMetrics.ModelQuality.Statistics` points to: `{"metrics": {"<name>": {"value": <number>}}}`.
 *
 * @throws Error naming the metric when a value is not a finite number
 * @example
 * evaluationReport({ roc_auc: 0.88 }) // '{"metrics":{"roc_auc":{"value":0.88}}}'
 */
export const evaluationReport = (metrics: EvaluationMetrics): string => {
  const entries = Object.entries(metrics).map(([name, value]) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`evaluation metric "${name}" must be a finite number, got ${JSON.stringify(value)}`);
    }
    return [name, { value }] as const;
  });
  return JSON.stringify({ metrics: Object.fromEntries(entries) });
};
