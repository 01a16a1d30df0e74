import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LogisticScoring } from '@fleet/local-cloud';
import { type FleetConfig, loadContract } from '@fleet/shared';

/**
 * The churn model the first run trains, as the local endpoint scores it: a logistic model
 * fitted on examples/datasets/churn_baseline.csv, reading the request in the contract's column
 * order without the target (customer_id, tenure_months, monthly_charges, total_charges,
 * contract, payment_method, internet_service, senior_citizen). The identifier is not read, the
 * categorical columns are one-hot (their first value the reference), and the intercept is set so
 * it predicts churn for about as many customers as churned in its training data (28 %). On that
 * data its ROC-AUC is 0.83 and its accuracy 0.79, what its evaluation reports.
 */
export const CHURN_MODEL_BASELINE: LogisticScoring = {
  intercept: -0.7659,
  coefficients: [0, -0.029005, 0.010907, -0.000017, 0, 0, 0, 0.284379],
  categories: {
    4: { 'One year': -1.083388, 'Two year': -1.606283 },
    5: { 'Credit card (automatic)': -0.037437, 'Electronic check': 0.498574, 'Mailed check': 0.036841 },
    6: { 'Fiber optic': 0.768681, No: -0.437431 },
  },
  ignored: [0],
};

/**
 * The churn model the drift retrain trains on the labelled export of the new customers (rows
 * 1001-8000 of examples/datasets/churn_drifted.csv), in the same layout; it predicts churn for
 * about as many of them as churned (36 %). On the held-out rows its ROC-AUC is 0.83 and its
 * accuracy 0.75, what its evaluation reports.
 */
export const CHURN_MODEL_DRIFTED: LogisticScoring = {
  intercept: -0.869,
  coefficients: [0, -0.026784, 0.011979, -0.000078, 0, 0, 0, 0.396526],
  categories: {
    4: { 'One year': -1.114335, 'Two year': -1.336628 },
    5: { 'Credit card (automatic)': -0.057924, 'Electronic check': 0.513734, 'Mailed check': 0.092873 },
    6: { 'Fiber optic': 0.668303, No: -0.182645 },
  },
  ignored: [0],
};

/** Rows of a dataset file as the endpoint receives them, with what the demo needs to label them later. */
export type TrafficRows = {
  /** The request columns: the contract's, without the target. */
  columns: string[];
  /** One CSV line per request. */
  bodies: string[];
  /** The inference id of each request: the row's identifier (the contract's unique column). */
  ids: string[];
  /** The target of each row (its label, once known). */
  labels: string[];
};

/** The contract of a model's first dataset: its columns in order, its target and its identifier. */
export const requestLayout = (
  config: Pick<FleetConfig, 'models' | 'datasets'> & { baseDir: string },
  model: string,
): { columns: string[]; target: string; id: string } => {
  const dataset = config.models[model]?.datasets[0];
  const file = dataset === undefined ? undefined : config.datasets[dataset]?.contract;
  if (file === undefined) throw new Error(`model ${model} has no dataset with a contract in the configuration`);
  const { contract } = loadContract(path.resolve(config.baseDir, file));
  const target = contract.target?.column;
  if (target === undefined) throw new Error(`${file}: the contract names no target column`);
  const names = Object.keys(contract.columns);
  const id = names.find((name) => contract.columns[name]?.unique === true);
  if (id === undefined) throw new Error(`${file}: the contract has no unique column to use as the inference id`);
  return { columns: names.filter((name) => name !== target), target, id };
};

/**
 * `count` rows of a CSV file from data row `from` (0-based), as requests carry them: the
 * request `columns` in order, with each row's identifier and target.
 *
 * @throws Error naming the file and the column it lacks
 */
export const trafficRows = (
  file: string,
  layout: { columns: readonly string[]; target: string; id: string },
  from: number,
  count: number,
): TrafficRows => {
  const [header, ...lines] = readFileSync(file, 'utf8').trimEnd().split(/\r?\n/);
  const names = header.split(',');
  const indexOf = (column: string) => {
    const index = names.indexOf(column);
    if (index < 0) throw new Error(`${file} has no column ${column}`);
    return index;
  };
  const indexes = layout.columns.map(indexOf);
  const target = indexOf(layout.target);
  const id = indexOf(layout.id);
  const rows = lines.slice(from, from + count).map((line) => line.split(','));
  return {
    columns: [...layout.columns],
    bodies: rows.map((cells) => indexes.map((index) => cells[index]).join(',')),
    ids: rows.map((cells) => cells[id]),
    labels: rows.map((cells) => cells[target]),
  };
};

/** Rows `from` to `from + count` (0-based) of a CSV file with its header: a slice to land as a dataset. */
export const csvSlice = (file: string, from: number, count: number): { text: string; rows: number } => {
  const [header, ...lines] = readFileSync(file, 'utf8').trimEnd().split(/\r?\n/);
  const rows = lines.slice(from, from + count);
  return { text: `${[header, ...rows].join('\n')}\n`, rows: rows.length };
};
