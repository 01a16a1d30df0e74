import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type DatasetContract, loadContract } from '@fleet/shared/contract';
import { type ColumnProfile, type DatasetProfile, mergeProfiles } from '../../src/index.js';
import { contractOf, validate } from '../support/validate.js';

const root = resolve(__dirname, '../../../..');

/** Splits a CSV text into two files with the same header, cutting after `firstRows` data rows. */
const split = (csv: string, firstRows: number): [string, string] => {
  const [header, ...rows] = csv.trimEnd().split('\n');
  const part = (lines: string[]) => `${[header, ...lines].join('\n')}\n`;
  return [part(rows.slice(0, firstRows)), part(rows.slice(firstRows))];
};

const profileOf = async (csv: string, contract: DatasetContract) => (await validate(csv, contract)).profile;

const relativelyClose = (actual: number | null, expected: number | null, digits: number) => {
  if (expected === null || expected === 0) return expect(actual).toBe(expected);
  expect((actual as number) / expected).toBeCloseTo(1, digits);
};

/** Asserts every field of a merged column profile against the profile of the whole. */
const expectSameColumn = (merged: ColumnProfile, whole: ColumnProfile) => {
  const { mean, m2, variance, quantiles, ...exact } = merged;
  const { mean: wholeMean, m2: wholeM2, variance: wholeVariance, quantiles: wholeQuantiles, ...wholeExact } = whole;
  expect(exact).toEqual(wholeExact);
  relativelyClose(mean, wholeMean, 12);
  relativelyClose(m2, wholeM2, 9);
  relativelyClose(variance, wholeVariance, 9);
  expect(quantiles).toEqual(wholeQuantiles);
};

/** Asserts each quantile is within the sketch's relative accuracy of the exact quantile. */
const expectQuantilesWithinBound = (profile: ColumnProfile, values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const quantiles = profile.quantiles;
  if (quantiles === null) throw new Error('no quantiles');
  const alpha = quantiles.relativeAccuracy;
  const levels = { p01: 0.01, p05: 0.05, p25: 0.25, p50: 0.5, p75: 0.75, p95: 0.95, p99: 0.99 } as const;
  for (const [key, q] of Object.entries(levels)) {
    const rank = q * (sorted.length - 1);
    const low = sorted[Math.floor(rank)];
    const high = sorted[Math.ceil(rank)];
    const estimate = quantiles[key as keyof typeof levels];
    expect(estimate).toBeGreaterThanOrEqual(low - alpha * Math.abs(low) - 1e-12);
    expect(estimate).toBeLessThanOrEqual(high + alpha * Math.abs(high) + 1e-12);
  }
};

describe('mergeProfiles', () => {
  it.each([1, 2999, 7999])(
    'merges two partitions of the churn baseline cut after row %i into the profile of the whole, field by field',
    async (cut) => {
      // Prepare
      const { contract } = loadContract(resolve(root, 'contracts/churn.yaml'));
      const csv = readFileSync(resolve(root, 'examples/datasets/churn_baseline.csv'), 'utf8');
      const [first, second] = split(csv, cut);
      const whole = await profileOf(csv, contract);

      // Act
      const merged = mergeProfiles(await profileOf(first, contract), await profileOf(second, contract));

      // Assess
      expect(merged.rows).toBe(whole.rows);
      expect(Object.keys(merged.columns)).toEqual(Object.keys(whole.columns));
      for (const name of Object.keys(whole.columns)) expectSameColumn(merged.columns[name], whole.columns[name]);
    },
  );

  it('keeps every merged quantile within the sketch bound of the exact quantile of the whole', async () => {
    // Prepare
    const { contract } = loadContract(resolve(root, 'contracts/churn.yaml'));
    const csv = readFileSync(resolve(root, 'examples/datasets/churn_baseline.csv'), 'utf8');
    const [first, second] = split(csv, 3333);
    const rows = csv
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));

    // Act
    const merged = mergeProfiles(await profileOf(first, contract), await profileOf(second, contract));

    // Assess
    expectQuantilesWithinBound(
      merged.columns.tenure_months,
      rows.map((row) => Number(row[1])),
    );
    expectQuantilesWithinBound(
      merged.columns.monthly_charges,
      rows.map((row) => Number(row[2])),
    );
    expectQuantilesWithinBound(
      merged.columns.total_charges,
      rows.map((row) => Number(row[3])),
    );
  });

  it('merges every column type, with nulls, invalid cells, negatives, zeros and high cardinality', async () => {
    // Prepare
    const contract = contractOf({
      n: { type: 'number', nullable: true },
      i: { type: 'integer', nullable: true },
      b: { type: 'boolean', nullable: true },
      t: { type: 'timestamp', nullable: true },
      s: { type: 'string', nullable: true },
      c: { type: 'category', values: ['x', 'y'], nullable: true },
    });
    const lines = ['n,i,b,t,s,c'];
    for (let k = 0; k < 400; k++) {
      const n = k % 13 === 0 ? '' : k % 17 === 0 ? 'oops' : String(((k * 7919) % 1000) - 500 + (k % 3) / 4);
      const i = k % 11 === 0 ? '' : String((k % 150) - 20);
      const b = k % 5 === 0 ? '' : k % 3 === 0 ? 'true' : '0';
      const t = k % 9 === 0 ? '' : `2024-01-${String((k % 28) + 1).padStart(2, '0')}T00:00:00Z`;
      const s = k % 4 === 0 ? '' : `s${k % 250}`;
      const c = k % 6 === 0 ? '' : k % 7 === 0 ? 'z' : k % 2 === 0 ? 'x' : 'y';
      lines.push([n, i, b, t, s, c].join(','));
    }
    const csv = `${lines.join('\n')}\n`;
    const whole = await profileOf(csv, contract);

    // Act
    const results = await Promise.all(
      [1, 57, 200, 399].map(async (cut) => {
        const [first, second] = split(csv, cut);
        return mergeProfiles(await profileOf(first, contract), await profileOf(second, contract));
      }),
    );

    // Assess
    expect(whole.columns.n).toMatchObject({ nulls: 31, invalid: 22 });
    expect(whole.columns.i.valueCounts).toBeNull();
    expect(whole.columns.s.valueCounts).toBeNull();
    for (const merged of results) {
      expect(merged.rows).toBe(400);
      for (const name of Object.keys(whole.columns)) expectSameColumn(merged.columns[name], whole.columns[name]);
    }
  });

  it('copies a column present in only one profile', () => {
    // Prepare
    const column: ColumnProfile = {
      type: 'string',
      count: 2,
      nulls: 0,
      invalid: 0,
      min: null,
      max: null,
      mean: null,
      m2: null,
      variance: null,
      minLength: 1,
      maxLength: 3,
      quantiles: null,
      sketch: null,
      maxDistinct: 100,
      valueCounts: { a: 1, abc: 1 },
    };
    const a: DatasetProfile = { rows: 2, columns: { only: column } };
    const b: DatasetProfile = { rows: 3, columns: {} };

    // Act
    const merged = mergeProfiles(a, b);

    // Assess
    expect(merged).toEqual({ rows: 5, columns: { only: column } });
    expect(merged.columns.only).not.toBe(column);
  });

  it('refuses to merge a column profiled with two different types', async () => {
    // Prepare
    const asText = await profileOf('a\n1\n', contractOf({ a: { type: 'string' } }));
    const asNumber = await profileOf('a\n1\n', contractOf({ a: { type: 'number' } }));

    // Act
    const merge = () => mergeProfiles(asText, asNumber);

    // Assess
    expect(merge).toThrow('cannot merge a string column with a number column');
  });
});
