import { type DataTable, parseFiniteNumber } from '@fleet/drift';

/** The name the model's predicted class takes in the tables: `prediction`, unless an input is called that. */
export const predictionColumnName = (inputColumns: readonly string[]): string =>
  inputColumns.includes('prediction') ? '_prediction' : 'prediction';

/**
 * The class a captured output stands for: a score in [0, 1] against `threshold` gives the
 * positive or the negative class, anything else is taken as the class itself.
 */
export const predictedClass = (
  output: string,
  classes: { positive: string; negative: string },
  threshold: number,
): string => {
  const score = parseFiniteNumber(output);
  if (score === undefined || score < 0 || score > 1) return output.trim();
  if (Number.isInteger(score) && (String(score) === classes.positive || String(score) === classes.negative)) {
    return String(score);
  }
  return score >= threshold ? classes.positive : classes.negative;
};

/** The baseline's most frequent label other than the positive one, `0` when there is none. */
export const negativeClass = (baseline: DataTable, target: string, positive: string): string => {
  const index = baseline.header.indexOf(target);
  const counts = new Map<string, number>();
  for (const row of baseline.rows) {
    const v = row[index]?.trim() ?? '';
    if (v !== '' && v !== positive) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  let best = '0';
  let most = 0;
  for (const [value, count] of counts) if (count > most) [best, most] = [value, count];
  return best;
};
