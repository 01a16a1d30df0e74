import type { DatasetContract } from '@fleet/shared';
import type { DriftConfig } from './config/DriftConfig.js';
import { DriftInputError } from './DriftInputError.js';
import type { ExcludedColumn } from './DriftResult.js';
import { ColumnKind } from './table/ColumnKind.js';
import type { DataTable } from './table/DataTable.js';
import { inferColumnKind } from './table/inferColumnKind.js';

/** One column to compare, with its kind and where the kind came from. */
export type ColumnPlan = {
  name: string;
  kind: ColumnKind;
  kindSource: 'contract' | 'inferred';
  critical: boolean;
};

/** The role of every column: compared feature, excluded, target, model output or labels. */
export type ColumnRoles = {
  features: ColumnPlan[];
  excluded: ExcludedColumn[];
  /** Present only when the target is in both tables. */
  target?: ColumnPlan;
  prediction?: ColumnPlan;
  /** The ground-truth column used for quality, when present in both tables. */
  labels?: string;
  nullValues: string[];
  notes: string[];
};

const kindFromContract = (type: string, enumerated: boolean): ColumnKind | 'timestamp' => {
  if (type === 'timestamp') return 'timestamp';
  // An integer column with a closed list of values (a class label, a 0/1 flag) is a category.
  if ((type === 'integer' || type === 'number') && !enumerated) return ColumnKind.numeric;
  return ColumnKind.categorical;
};

const allDistinct = (table: DataTable, name: string, nulls: Set<string>): boolean => {
  const index = table.header.indexOf(name);
  const seen = new Set<string>();
  for (const row of table.rows) {
    const cell = row[index];
    if (nulls.has(cell.trim())) continue;
    if (seen.has(cell)) return false;
    seen.add(cell);
  }
  return seen.size > 1;
};

const hasValues = (table: DataTable, name: string, nulls: Set<string>): boolean => {
  const index = table.header.indexOf(name);
  return table.rows.some((row) => !nulls.has(row[index].trim()));
};

/**
 * Decides which columns are compared as features, and how.
 *
 * Identifiers (contract `unique: true`, or, without a contract entry, a categorical column
 * whose baseline values are all distinct) and timestamps are excluded with a reason; so are
 * the target (compared on its own as target drift), the model's output (prediction drift)
 * and the labels. Kinds come from the contract when it declares the column, otherwise from
 * the values of both tables.
 *
 * @throws DriftInputError when a feature of the baseline is missing from the current data,
 *   or a column named in the settings does not exist
 */
export const selectColumns = (
  baseline: DataTable,
  current: DataTable,
  config: DriftConfig,
  contract?: DatasetContract,
): ColumnRoles => {
  const nullValues = contract?.nullValues ?? [''];
  const nulls = new Set(nullValues.map((v) => v.trim()));
  const excluded: ExcludedColumn[] = [];
  const notes: string[] = [];
  const inCurrent = new Set(current.header);
  const inBaseline = new Set(baseline.header);

  const targetName = contract?.target?.column ?? config.labels?.column;
  const predictionName = config.prediction?.column;
  if (predictionName !== undefined) {
    for (const table of [baseline, current]) {
      if (!table.header.includes(predictionName)) {
        throw new DriftInputError(
          `drift settings: prediction.column: "${predictionName}" is not a column of ${table.source}`,
        );
      }
    }
  }
  for (const name of Object.keys(config.features)) {
    if (!inBaseline.has(name)) {
      throw new DriftInputError(`drift settings: features.${name}: not a column of ${baseline.source}`);
    }
  }
  const labelsName = config.labels?.column ?? (predictionName === undefined ? undefined : targetName);

  const plan = (name: string): ColumnPlan | ExcludedColumn => {
    const spec = contract?.columns[name];
    const critical = config.features[name]?.critical ?? spec?.critical ?? false;
    if (spec !== undefined) {
      if (spec.unique) return { name, reason: 'identifier: unique in the contract' };
      const kind = kindFromContract(spec.type, spec.values !== undefined);
      if (kind === 'timestamp') return { name, reason: 'timestamp: it moves with the window by design' };
      return { name, kind, kindSource: 'contract', critical };
    }
    const kind = inferColumnKind(name, [baseline, current], nullValues);
    if (kind === ColumnKind.categorical && allDistinct(baseline, name, nulls)) {
      return { name, reason: 'identifier: every baseline value is distinct' };
    }
    return { name, kind, kindSource: 'inferred', critical };
  };

  const features: ColumnPlan[] = [];
  let target: ColumnPlan | undefined;
  let prediction: ColumnPlan | undefined;
  let labels: string | undefined;
  for (const name of baseline.header) {
    if (name === predictionName) {
      excluded.push({ name, reason: 'model output: reported as prediction drift' });
      const planned = plan(name);
      // The model's output is compared whatever it looks like, even when every value is distinct.
      prediction =
        'kind' in planned ? planned : { name, kind: ColumnKind.numeric, kindSource: 'inferred', critical: false };
      if (prediction.kindSource === 'inferred') {
        prediction.kind = inferColumnKind(name, [baseline, current], nullValues);
      }
      continue;
    }
    if (name === targetName || name === labelsName) {
      const role = name === targetName ? 'target: reported as target drift' : 'labels: used for quality';
      excluded.push({ name, reason: role });
      if (!inCurrent.has(name)) {
        notes.push(`${name} is not in the current data: ${name === targetName ? 'no target drift' : 'no quality'}.`);
        continue;
      }
      if (name === labelsName) labels = name;
      if (name === targetName) {
        const planned = plan(name);
        // Labels scored as classes are classes, even when they are written as 0 and 1.
        if ('kind' in planned && name === labelsName && planned.kindSource === 'inferred') {
          planned.kind = ColumnKind.categorical;
        }
        if ('kind' in planned) target = planned;
      }
      continue;
    }
    const planned = plan(name);
    if (!('kind' in planned)) {
      excluded.push(planned);
      continue;
    }
    if (!inCurrent.has(name)) {
      throw new DriftInputError(`${current.source}: no column "${name}" (the baseline has it)`);
    }
    if (!hasValues(baseline, name, nulls)) {
      excluded.push({ name, reason: 'no values in the baseline' });
      continue;
    }
    if (!hasValues(current, name, nulls)) {
      excluded.push({ name, reason: 'no values in the current data' });
      notes.push(`${name} has no values in the current data: check the pipeline that produces it.`);
      continue;
    }
    features.push(planned);
  }
  for (const name of current.header) {
    if (!inBaseline.has(name)) excluded.push({ name, reason: 'not in the baseline' });
  }
  for (const name of Object.keys(config.features)) {
    const reason = excluded.find((e) => e.name === name)?.reason;
    if (reason !== undefined && name !== targetName && name !== predictionName)
      notes.push(`features.${name} is ignored: the column is excluded (${reason}).`);
  }
  const inferred = features.filter((f) => f.kindSource === 'inferred').map((f) => f.name);
  if (inferred.length > 0) {
    notes.push(
      `Kinds inferred from the values (numeric when every present value is a finite number): ${inferred.join(', ')}.`,
    );
  }
  return { features, excluded, target, prediction, labels, nullValues, notes };
};
