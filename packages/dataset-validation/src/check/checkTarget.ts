import type { DatasetContract } from '@fleet/shared/contract';
import { IssueCode } from './IssueCode.js';
import type { IssueCollector } from './IssueCollector.js';
import type { TargetTally } from './TargetTally.js';

const percent = (share: number) => `${(share * 100).toFixed(2)} %`;

/**
 * Checks `target.positiveRate` and `target.minClassShare` once every row has been read.
 *
 * Shares are over the target's valid non-null values. Classes listed in the column's `values`
 * but never seen have a share of 0.
 */
export const checkTarget = (contract: DatasetContract, tally: TargetTally, issues: IssueCollector): void => {
  const target = contract.target;
  if (target === undefined || tally.total === 0) return;
  const column = target.column;
  const rate = target.positiveRate;
  if (rate !== undefined) {
    const share = tally.positives / tally.total;
    if ((rate.min !== undefined && share < rate.min) || (rate.max !== undefined && share > rate.max)) {
      issues.add(IssueCode.positiveRateOutOfRange, () => ({
        message: `positive rate ${percent(share)} (${tally.positives} of ${tally.total}, positive = ${JSON.stringify(tally.positive)}) is outside [${rate.min ?? '-inf'}, ${rate.max ?? 'inf'}]`,
        column,
      }));
    }
  }
  const minShare = target.minClassShare;
  if (minShare === undefined || minShare === 0) return;
  if (tally.classes === null) {
    issues.add(IssueCode.classShareTooLow, () => ({
      message: `more than ${tally.maxClasses} classes, so at least one has a share below ${percent(minShare)}`,
      column,
    }));
    return;
  }
  const counts = new Map(tally.classes);
  const spec = contract.columns[column];
  const numeric = spec.type === 'integer' || spec.type === 'number' || spec.type === 'boolean';
  for (const value of spec.values ?? []) {
    const key = numeric ? (typeof value === 'boolean' ? Number(value) : Number(value)) : String(value);
    if (!counts.has(key)) counts.set(key, 0);
  }
  for (const [value, count] of counts) {
    const share = count / tally.total;
    if (share < minShare) {
      issues.add(IssueCode.classShareTooLow, () => ({
        message: `class ${JSON.stringify(value)} has a share of ${percent(share)} (${count} of ${tally.total}), below ${percent(minShare)}`,
        column,
      }));
    }
  }
};
