import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, parseContract } from '@fleet/shared';
import { benjaminiHochberg } from '@fleet/stats';
import { type DataTable, DriftInputError, detectDrift } from '../src/index.js';
import { seededRandom, shuffled } from './support/random.js';
import { exampleTable, repoRoot, tableOf } from './support/tables.js';

const churnContract = parseContract(
  readFileSync(join(repoRoot, 'contracts', 'churn.yaml'), 'utf8'),
  'contracts/churn.yaml',
).contract;
const churnBaseline = exampleTable('churn_baseline.csv');
const churnDrifted = exampleTable('churn_drifted.csv');

const take = (table: DataTable, n: number): DataTable => ({
  ...table,
  rows: table.rows.slice(0, n),
  lines: table.lines?.slice(0, n),
});

const driftedNames = (result: ReturnType<typeof detectDrift>) =>
  result.features.filter((f) => f.drifted).map((f) => f.name);

describe('detectDrift on the churn example', () => {
  it('returns drift on the drifted file, flagging monthly_charges, tenure_months and contract only among the known columns', () => {
    // Act
    const result = detectDrift({ baseline: churnBaseline, current: churnDrifted, contract: churnContract });

    // Assess
    expect(result.status).toBe('drift');
    expect(result.drifted).toBe(true);
    expect(result.regime).toBe('distances');
    const flagged = driftedNames(result);
    expect(flagged).toEqual(expect.arrayContaining(['monthly_charges', 'tenure_months', 'contract']));
    expect(flagged).not.toContain('internet_service');
    expect(flagged).not.toContain('senior_citizen');
    expect(result.driftShare).toBeCloseTo(flagged.length / result.features.length, 15);
    expect(result.severity).toBe('warning');
  });

  it('returns the default tests and thresholds for a large baseline', () => {
    // Act
    const result = detectDrift({ baseline: churnBaseline, current: churnDrifted, contract: churnContract });

    // Assess
    const byName = Object.fromEntries(result.features.map((f) => [f.name, f]));
    expect(byName.monthly_charges).toMatchObject({ kind: 'numeric', test: 'wasserstein', threshold: 0.1 });
    expect(byName.contract).toMatchObject({ kind: 'categorical', test: 'jensen-shannon', threshold: 0.1 });
    expect(byName.senior_citizen).toMatchObject({ kind: 'categorical', kindSource: 'contract' });
    expect(byName.monthly_charges.pValue).toBeUndefined();
    expect(byName.monthly_charges.nBaseline).toBe(8000);
    expect(byName.monthly_charges.nCurrent).toBe(8000);
    expect(byName.monthly_charges.psi).toBeGreaterThan(0.2);
  });

  it('excludes the identifier and reports the target separately', () => {
    // Act
    const result = detectDrift({ baseline: churnBaseline, current: churnDrifted, contract: churnContract });

    // Assess
    expect(result.excluded).toEqual([
      { name: 'customer_id', reason: 'identifier: unique in the contract' },
      { name: 'churn', reason: 'target: reported as target drift' },
    ]);
    expect(result.features.map((f) => f.name)).not.toContain('churn');
    expect(result.target).toMatchObject({ name: 'churn', kind: 'categorical', test: 'jensen-shannon' });
  });

  it('returns no drift on two disjoint random halves of the baseline', () => {
    // Prepare
    const random = seededRandom(20240501);
    const order = shuffled(
      churnBaseline.rows.map((_, i) => i),
      random,
    );
    const half = (indices: number[], source: string): DataTable => ({
      source,
      header: churnBaseline.header,
      rows: indices.map((i) => churnBaseline.rows[i]),
    });
    const first = half(order.slice(0, 4000), 'first half');
    const second = half(order.slice(4000), 'second half');

    // Act
    const result = detectDrift({ baseline: first, current: second, contract: churnContract });

    // Assess
    expect(result.status).toBe('no_drift');
    expect(result.drifted).toBe(false);
    expect(driftedNames(result)).toEqual([]);
    expect(result.driftShare).toBe(0);
    expect(result.severity).toBeUndefined();
  });

  it('identifies the id column and infers the kinds without a contract', () => {
    // Act
    const result = detectDrift({ baseline: churnBaseline, current: churnDrifted });

    // Assess
    expect(result.excluded).toEqual([{ name: 'customer_id', reason: 'identifier: every baseline value is distinct' }]);
    const kinds = Object.fromEntries(result.features.map((f) => [f.name, `${f.kind}/${f.kindSource}`]));
    expect(kinds).toMatchObject({
      tenure_months: 'numeric/inferred',
      contract: 'categorical/inferred',
      churn: 'numeric/inferred',
    });
    expect(result.target).toBeUndefined();
    expect(result.notes.join(' ')).toContain('Kinds inferred from the values');
  });
});

describe('detectDrift with a small baseline', () => {
  it('runs KS and chi-squared and judges Benjamini-Hochberg adjusted p-values', () => {
    // Prepare
    const baseline = take(churnBaseline, 800);
    const current = take(churnDrifted, 800);

    // Act
    const result = detectDrift({ baseline, current, contract: churnContract });

    // Assess
    expect(result.regime).toBe('hypothesis-tests');
    const raw = result.features.map((f) => f.pValue as number);
    const adjusted = benjaminiHochberg(raw);
    result.features.forEach((f, i) => {
      expect(f.test).toBe(f.kind === 'numeric' ? 'ks' : 'chi-squared');
      expect(f.adjustedPValue).toBe(adjusted[i]);
      expect(f.drifted).toBe(adjusted[i] < 0.05);
    });
    expect(driftedNames(result)).toEqual(expect.arrayContaining(['monthly_charges', 'tenure_months', 'contract']));
    expect(driftedNames(result)).not.toContain('internet_service');
    expect(result.features.find((f) => f.name === 'monthly_charges')?.method).toBe('exact');
  });

  it('returns no drift on two disjoint slices of the baseline', () => {
    // Prepare
    const baseline = take(churnBaseline, 800);
    const current: DataTable = { ...churnBaseline, rows: churnBaseline.rows.slice(4000, 4800) };

    // Act
    const result = detectDrift({ baseline, current, contract: churnContract });

    // Assess
    expect(result.status).toBe('no_drift');
  });
});

describe('detectDrift decision rule', () => {
  it('returns insufficient_data, never a verdict, when the current window is below minRows', () => {
    // Prepare
    const current = take(churnDrifted, 99);

    // Act
    const result = detectDrift({ baseline: churnBaseline, current, contract: churnContract });

    // Assess
    expect(result.status).toBe('insufficient_data');
    expect(result.drifted).toBe(false);
    expect(result.features).toEqual([]);
    expect(result.target).toBeUndefined();
    expect(result.reasons).toEqual([
      'Insufficient data: the current data has 99 rows; at least 100 are needed (minRows).',
    ]);
  });

  it('returns a verdict at exactly minRows rows', () => {
    // Prepare
    const current = take(churnDrifted, 100);

    // Act
    const result = detectDrift({ baseline: churnBaseline, current, contract: churnContract });

    // Assess
    expect(result.status).not.toBe('insufficient_data');
    expect(result.features.length).toBe(7);
  });

  it('honours a custom minRows', () => {
    // Act
    const result = detectDrift({
      baseline: churnBaseline,
      current: take(churnDrifted, 500),
      contract: churnContract,
      config: { minRows: 1000 },
    });

    // Assess
    expect(result.status).toBe('insufficient_data');
  });

  it('requires the configured drift share, but a critical feature drifts the dataset alone', () => {
    // Prepare
    const settings = { driftShare: 0.9 };

    // Act
    const plain = detectDrift({
      baseline: churnBaseline,
      current: churnDrifted,
      contract: churnContract,
      config: settings,
    });
    const critical = detectDrift({
      baseline: churnBaseline,
      current: churnDrifted,
      contract: churnContract,
      config: { ...settings, features: { contract: { critical: true } } },
    });

    // Assess
    expect(plain.status).toBe('no_drift');
    expect(plain.driftShare).toBeCloseTo(3 / 7, 15);
    expect(critical.status).toBe('drift');
    expect(critical.severity).toBe('critical');
    expect(critical.reasons).toContain('Critical features drifted: contract.');
  });

  it('applies a per-feature test and threshold', () => {
    // Act
    const result = detectDrift({
      baseline: churnBaseline,
      current: churnDrifted,
      contract: churnContract,
      config: {
        features: { payment_method: { test: 'jensen-shannon', threshold: 0.03 }, total_charges: { test: 'psi' } },
      },
    });

    // Assess
    const byName = Object.fromEntries(result.features.map((f) => [f.name, f]));
    expect(byName.payment_method).toMatchObject({ test: 'jensen-shannon', threshold: 0.03, drifted: true });
    expect(byName.total_charges).toMatchObject({ test: 'psi', threshold: 0.2, drifted: false });
    expect(byName.total_charges.statistic).toBe(byName.total_charges.psi);
  });

  it('throws a ConfigError naming the field when the settings are invalid', () => {
    // Act
    const act = () => detectDrift({ baseline: churnBaseline, current: churnDrifted, config: { alpha: 5 } });

    // Assess
    expect(act).toThrow(ConfigError);
    expect(act).toThrow(/^drift settings: alpha: /);
  });

  it('throws a DriftInputError when a declared numeric column holds text', () => {
    // Prepare
    const current = tableOf('bad.csv', churnBaseline.header, [
      ...churnDrifted.rows.slice(0, 150),
      ['CUST-1', 'twelve', '1', '1', 'One year', 'Mailed check', 'DSL', '0', '0'],
    ]);

    // Act
    const act = () => detectDrift({ baseline: churnBaseline, current, contract: churnContract });

    // Assess
    expect(act).toThrow(DriftInputError);
    expect(act).toThrow('bad.csv:152: column "tenure_months": "twelve" is not a number');
  });
});

/**
 * A labelled example whose answer is known by hand. Baseline: 200 rows, y alternates 0/1 and
 * the model scores positives 0.9 and negatives 0.1, so every metric is 1. Current: the same
 * x and y, but half the positives now get 0.3 (missed at the 0.5 threshold): TP 50, FN 50,
 * FP 0, TN 100, so accuracy 0.75, precision 1, recall 0.5, F1 2/3, ROC-AUC still 1 (every
 * positive still outranks every negative). The score distribution moves: KS D = 0.25 on
 * 200 vs 200 (SciPy 1.17 ks_2samp p = 6.7e-6).
 */
const labelled = (missed: boolean): { baseline: DataTable; current: DataTable } => {
  const header = ['x', 'score', 'y'];
  const make = (source: string, degrade: boolean) =>
    tableOf(
      source,
      header,
      Array.from({ length: 200 }, (_, i) => {
        const y = i % 2;
        const score = y === 1 ? (degrade && i % 4 === 1 ? 0.3 : 0.9) : 0.1;
        return [i % 10, score, y];
      }),
    );
  return { baseline: make('baseline.csv', false), current: make('current.csv', missed) };
};

describe('detectDrift with predictions and labels', () => {
  const config = { prediction: { column: 'score' }, labels: { column: 'y' } };

  it('returns quality drift and prediction drift when the model misses half the positives', () => {
    // Prepare
    const { baseline, current } = labelled(true);

    // Act
    const result = detectDrift({ baseline, current, config });

    // Assess
    expect(result.features.map((f) => [f.name, f.drifted])).toEqual([['x', false]]);
    expect(result.prediction).toMatchObject({ name: 'score', test: 'ks', drifted: true });
    expect(result.prediction?.statistic).toBeCloseTo(0.25, 12);
    expect(result.quality).toMatchObject({
      drifted: true,
      predictions: 'scores',
      positive: '1',
      nBaseline: 200,
      nCurrent: 200,
    });
    const metrics = Object.fromEntries(result.quality?.metrics.map((m) => [m.name, m]) ?? []);
    expect(metrics.accuracy).toMatchObject({ baseline: 1, current: 0.75, drifted: true });
    expect(metrics.precision).toMatchObject({ baseline: 1, current: 1, drop: 0, drifted: false });
    expect(metrics.recall).toMatchObject({ baseline: 1, current: 0.5, drifted: true });
    expect(metrics.f1.current).toBeCloseTo(2 / 3, 15);
    expect(metrics.roc_auc).toMatchObject({ baseline: 1, current: 1, drifted: false });
    expect(result.target).toMatchObject({ name: 'y', drifted: false });
    expect(result.status).toBe('drift');
    expect(result.severity).toBe('critical');
  });

  it('returns no drift when the current window behaves like the baseline', () => {
    // Prepare
    const { baseline, current } = labelled(false);

    // Act
    const result = detectDrift({ baseline, current, config });

    // Assess
    expect(result.status).toBe('no_drift');
    expect(result.prediction?.drifted).toBe(false);
    expect(result.quality?.drifted).toBe(false);
    expect(result.quality?.metrics.map((m) => m.drop)).toEqual([0, 0, 0, 0, 0]);
  });

  it('tolerates a drop within allowedDrop', () => {
    // Prepare
    const { baseline, current } = labelled(true);

    // Act
    const result = detectDrift({ baseline, current, config: { ...config, quality: { allowedDrop: 0.5 } } });

    // Assess
    expect(result.quality?.drifted).toBe(false);
  });

  it('reads class-label predictions and leaves ROC-AUC out', () => {
    // Prepare
    const header = ['x', 'predicted', 'actual'];
    const make = (source: string, wrong: number) =>
      tableOf(
        source,
        header,
        Array.from({ length: 120 }, (_, i) => {
          const actual = i % 3 === 0 ? 'yes' : 'no';
          const predicted = i < wrong ? (actual === 'yes' ? 'no' : 'yes') : actual;
          return [i % 7, predicted, actual];
        }),
      );

    // Act
    const result = detectDrift({
      baseline: make('b.csv', 0),
      current: make('c.csv', 30),
      config: { prediction: { column: 'predicted' }, labels: { column: 'actual', positive: 'yes' } },
    });

    // Assess
    expect(result.quality?.predictions).toBe('labels');
    expect(result.quality?.metrics.map((m) => m.name)).toEqual(['accuracy', 'precision', 'recall', 'f1']);
    expect(result.quality?.metrics[0]).toMatchObject({ baseline: 1, current: 0.75, drifted: true });
  });

  it('throws naming labels.positive when the positive class never occurs', () => {
    // Prepare
    const { baseline, current } = labelled(false);

    // Act
    const act = () =>
      detectDrift({ baseline, current, config: { ...config, labels: { column: 'y', positive: 'churned' } } });

    // Assess
    expect(act).toThrow(/labels\.positive: "churned" never occurs in column "y" of baseline\.csv/);
  });

  it('notes that quality is skipped when the current window has no labels', () => {
    // Prepare
    const { baseline, current } = labelled(false);
    const unlabelled: DataTable = { ...current, header: ['x', 'score'], rows: current.rows.map((r) => r.slice(0, 2)) };

    // Act
    const result = detectDrift({ baseline, current: unlabelled, config });

    // Assess
    expect(result.quality).toBeUndefined();
    expect(result.prediction?.drifted).toBe(false);
    expect(result.notes).toContain('y is not in the current data: no target drift.');
  });
});

describe('detectDrift numbers against SciPy', () => {
  const close = (actual: number | undefined, expected: number, relative: number) =>
    expect(Math.abs((actual as number) / expected - 1)).toBeLessThan(relative);

  it('returns the KS and chi-squared statistics and BH-adjusted p-values SciPy gives on 800 rows', () => {
    // Prepare: SciPy 1.17 ks_2samp(method='auto'), chi2_contingency on the 2 x K counts,
    // false_discovery_control(p) for the adjustment; [statistic, p-value, adjusted p-value]
    const expected: Record<string, [number, number, number]> = {
      tenure_months: [0.135, 8.987392267080741e-7, 2.097058195652173e-6],
      monthly_charges: [0.195, 1.030813548005023e-13, 7.215694836035162e-13],
      total_charges: [0.06125, 0.09943770795540544, 0.1392127911375676],
      contract: [42.02448690728946, 7.490289709564596e-10, 2.621601398347609e-9],
      payment_method: [5.082004200948763, 0.16588993902012203, 0.1935382621901424],
      internet_service: [1.437519880287967, 0.48735623229842173, 0.48735623229842173],
      senior_citizen: [4.688121460803081, 0.030371834610113835, 0.05315071056769921],
    };

    // Act
    const result = detectDrift({
      baseline: take(churnBaseline, 800),
      current: take(churnDrifted, 800),
      contract: churnContract,
    });

    // Assess
    expect(result.features.map((f) => f.name)).toEqual(Object.keys(expected));
    for (const feature of result.features) {
      const [statistic, pValue, adjusted] = expected[feature.name];
      close(feature.statistic, statistic, 1e-9);
      close(feature.pValue, pValue, 1e-6);
      close(feature.adjustedPValue, adjusted, 1e-6);
    }
  });

  it('returns the distances and PSI NumPy and SciPy give on the full files', () => {
    // Prepare: SciPy 1.17 wasserstein_distance(b, c) / numpy.std(b); jensenshannon(p, q) on
    // category shares (natural log); categorical PSI as sum((q'-p') ln(q'/p')), shares floored at 1e-4
    const expected: Record<string, [number, number?]> = {
      tenure_months: [0.2215654338738841],
      monthly_charges: [0.32489482768850375],
      total_charges: [0.05957445615719705],
      contract: [0.11326509136446576, 0.10347080250971205],
      payment_method: [0.04043636701464377, 0.013090392334436601],
      internet_service: [0.0011557720268588036, 1.0686476791799016e-5],
      senior_citizen: [0.009697076591870192, 0.0007523730266373538],
    };

    // Act
    const result = detectDrift({ baseline: churnBaseline, current: churnDrifted, contract: churnContract });

    // Assess
    for (const feature of result.features) {
      const [statistic, psi] = expected[feature.name];
      close(feature.statistic, statistic, 1e-9);
      if (psi !== undefined) close(feature.psi, psi, 1e-9);
    }
  });
});
