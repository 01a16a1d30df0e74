/**
 * A logistic model of one CSV row: `1 / (1 + e^-(intercept + Σ w · x))`.
 *
 * Columns are read by position, as SageMaker's CSV models read them (no header). A numeric
 * column weighs `coefficients[i]` (0 beyond the list); a categorical column (a position in
 * `categories`) is one-hot scored: its cell's text weighs what `categories[i]` gives that value,
 * and a value the model does not list (the reference category, or one unseen in training)
 * weighs 0; an `ignored` column (an identifier such as a customer id) is not read at all. An
 * empty numeric cell is a missing value and weighs 0, as XGBoost's CSV reader treats it.
 *
 * @example
 * // customer_id, tenure_months, contract: the id ignored, "Two year" lowers the score
 * { intercept: -1, coefficients: [0, -0.03], categories: { 2: { 'Two year': -1.6 } }, ignored: [0] }
 */
export type LogisticScoring = {
  intercept: number;
  coefficients: readonly number[];
  /** One-hot weights of the categorical columns: position to value to weight. */
  categories?: Readonly<Record<number, Readonly<Record<string, number>>>>;
  /** Positions of the columns the model does not read. */
  ignored?: readonly number[];
};

/**
 * Any deterministic scoring of one CSV row's numeric features (an empty cell is passed as NaN,
 * a missing value).
 */
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
 * (intercept -1, weight 0.1 each; missing values left out), shifted by 0.05 per package version after the first, so two
 * versions answer differently and every answer is reproducible.
 */
export const defaultScoring =
  (model: ScoredModel): ScoringFunction =>
  (features) =>
    sigmoid(
      -1 +
        0.05 * ((model.modelPackageVersion ?? 1) - 1) +
        0.1 * features.reduce((sum, x) => (Number.isNaN(x) ? sum : sum + x), 0),
    );

/** The scoring a plan gives a model (the default when it gives none). */
export const scoringFor = (plan: ModelScoringPlan | undefined, model: ScoredModel): ModelScoring => {
  if (plan === undefined) return defaultScoring(model);
  if (typeof plan === 'function') return plan(model) ?? defaultScoring(model);
  const version = model.modelPackageVersion;
  return (version === undefined ? undefined : plan.byVersion?.[version]) ?? plan.otherwise ?? defaultScoring(model);
};

/** The numeric part of a logistic score: intercept and weighted features (a missing one, NaN, weighs 0). */
const linearTerm = (scoring: LogisticScoring, features: readonly number[]): number => {
  let z = scoring.intercept;
  features.forEach((value, index) => {
    if (!Number.isNaN(value)) z += (scoring.coefficients[index] ?? 0) * value;
  });
  return z;
};

/** Scores one row of numeric features (NaN: missing, weighs 0 in a logistic model). */
export const score = (scoring: ModelScoring, features: readonly number[]): number =>
  typeof scoring === 'function' ? scoring(features) : sigmoid(linearTerm(scoring, features));

/** The error a model container answers for a body it cannot read. */
export class ModelInputError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ModelInputError';
  }
}

/** Whether the model reads the column at `position` as text (a categorical or ignored column). */
const readsText = (scoring: ModelScoring, position: number): boolean =>
  typeof scoring !== 'function' &&
  (scoring.categories?.[position] !== undefined || (scoring.ignored ?? []).includes(position));

/** The one-hot part of a logistic score: the weights of the categorical cells' values. */
const categoricalTerm = (scoring: LogisticScoring, cells: readonly string[]): number => {
  if (scoring.categories === undefined) return 0;
  let z = 0;
  for (const [position, weights] of Object.entries(scoring.categories)) {
    const value = cells[Number(position)]?.trim();
    if (value !== undefined && Object.hasOwn(weights, value)) z += weights[value];
  }
  return z;
};

/**
 * Scores a CSV body as SageMaker's built-in algorithms answer it: one score per non-empty line,
 * in order, one per line, to at most 6 decimals.
 *
 * Every column the model reads as a number must hold one or be empty (a missing value); the
 * categorical and ignored columns of a logistic model are read as text (see `LogisticScoring`).
 *
 * @throws ModelInputError naming the line and the value that is not a number
 */
export const scoreCsv = (scoring: ModelScoring, body: string): string => {
  const lines = body.split(/\r?\n/).filter((line) => line.trim() !== '');
  const scores = lines.map((line, index) => {
    const cells = line.split(',');
    const features = cells.map((cell, position) => {
      const text = cell.trim();
      if (readsText(scoring, position) || text === '') return Number.NaN;
      const value = Number(text);
      if (!Number.isFinite(value)) {
        throw new ModelInputError(`could not convert string to float: '${text}' (line ${index + 1})`);
      }
      return value;
    });
    const result =
      typeof scoring === 'function'
        ? scoring(features)
        : sigmoid(linearTerm(scoring, features) + categoricalTerm(scoring, cells));
    return String(Math.round(result * 1e6) / 1e6);
  });
  return scores.join('\n');
};
