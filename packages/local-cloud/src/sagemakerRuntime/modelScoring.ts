/** A logistic model: `1 / (1 + e^-(intercept + Σ coefficients[i] · x[i]))`; a feature without a coefficient weighs 0. */
export type LogisticScoring = { intercept: number; coefficients: readonly number[] };

/** Any deterministic scoring of one CSV row's numeric features. */
export type ScoringFunction = (features: readonly number[]) => number;

/** How a local model scores a row: logistic coefficients, or a function of the features. */
export type ModelScoring = LogisticScoring | ScoringFunction;

/** The model a request reaches, as a scoring plan sees it. */
export type ScoredModel = {
  endpointName: string;
  variantName: string;
  modelName: string;
  /** The package the model was created from, when it was created from one. */
  modelPackageArn?: string;
  modelPackageGroupName?: string;
  modelPackageVersion?: number;
};

/**
 * How a scenario chooses the scoring of each model: by package version (`byVersion`), with a
 * fallback (`otherwise`), or a function of the model. A model the plan does not name gets
 * `defaultScoring`.
 */
export type ModelScoringPlan =
  | { byVersion?: Readonly<Record<number, ModelScoring>>; otherwise?: ModelScoring }
  | ((model: ScoredModel) => ModelScoring | undefined);

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * What a model scores when the scenario says nothing: a logistic of the features' sum
 * (intercept -1, weight 0.1 each), shifted by 0.05 per package version after the first, so two
 * versions answer differently and every answer is reproducible.
 */
export const defaultScoring =
  (model: ScoredModel): ScoringFunction =>
  (features) =>
    sigmoid(-1 + 0.05 * ((model.modelPackageVersion ?? 1) - 1) + 0.1 * features.reduce((sum, x) => sum + x, 0));

/** The scoring a plan gives a model (the default when it gives none). */
export const scoringFor = (plan: ModelScoringPlan | undefined, model: ScoredModel): ModelScoring => {
  if (plan === undefined) return defaultScoring(model);
  if (typeof plan === 'function') return plan(model) ?? defaultScoring(model);
  const version = model.modelPackageVersion;
  return (version === undefined ? undefined : plan.byVersion?.[version]) ?? plan.otherwise ?? defaultScoring(model);
};

/** Scores one row of features. */
export const score = (scoring: ModelScoring, features: readonly number[]): number => {
  if (typeof scoring === 'function') return scoring(features);
  let z = scoring.intercept;
  features.forEach((value, index) => {
    z += (scoring.coefficients[index] ?? 0) * value;
  });
  return sigmoid(z);
};

/** The error a model container answers for a body it cannot read. */
export class ModelInputError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ModelInputError';
  }
}

/**
 * Scores a CSV body as SageMaker's built-in algorithms answer it: one score per non-empty line,
 * in order, one per line, to at most 6 decimals.
 *
 * @throws ModelInputError naming the line and the value that is not a number
 */
export const scoreCsv = (scoring: ModelScoring, body: string): string => {
  const lines = body.split(/\r?\n/).filter((line) => line.trim() !== '');
  const scores = lines.map((line, index) => {
    const features = line.split(',').map((cell) => {
      const value = Number(cell.trim());
      if (cell.trim() === '' || !Number.isFinite(value)) {
        throw new ModelInputError(`could not convert string to float: '${cell.trim()}' (line ${index + 1})`);
      }
      return value;
    });
    const result = score(scoring, features);
    return String(Math.round(result * 1e6) / 1e6);
  });
  return scores.join('\n');
};
