import { DatasetContract } from '@fleet/shared';
import { DriftConfig, DriftInputError, selectColumns } from '../src/index.js';
import { tableOf } from './support/tables.js';

const defaults = DriftConfig.parse({});

const rows = (n: number, make: (i: number) => (string | number)[]) => Array.from({ length: n }, (_, i) => make(i));

describe('selectColumns', () => {
  it('excludes a string column whose baseline values are all distinct when there is no contract', () => {
    // Prepare
    const header = ['id', 'age', 'plan'];
    const baseline = tableOf(
      'b.csv',
      header,
      rows(20, (i) => [`U-${i}`, 20 + i, i % 2 ? 'basic' : 'pro']),
    );
    const current = tableOf(
      'c.csv',
      header,
      rows(20, (i) => [`U-${100 + i}`, 30 + i, 'basic']),
    );

    // Act
    const roles = selectColumns(baseline, current, defaults);

    // Assess
    expect(roles.excluded).toEqual([{ name: 'id', reason: 'identifier: every baseline value is distinct' }]);
    expect(roles.features.map((f) => [f.name, f.kind, f.kindSource])).toEqual([
      ['age', 'numeric', 'inferred'],
      ['plan', 'categorical', 'inferred'],
    ]);
    expect(roles.notes.join(' ')).toContain('inferred from the values');
  });

  it('takes kinds, identifiers, critical columns and the target from the contract', () => {
    // Prepare
    const contract = DatasetContract.parse({
      dataset: 'd',
      match: 'raw/d/',
      columns: {
        key: { type: 'integer', unique: true },
        code: { type: 'integer', values: [1, 2, 3] },
        amount: { type: 'number', critical: true },
        seen: { type: 'timestamp' },
        label: { type: 'integer', values: [0, 1] },
      },
      target: { column: 'label' },
    });
    const header = ['key', 'code', 'amount', 'seen', 'label'];
    const data = rows(10, (i) => [i, 1 + (i % 3), i * 1.5, '2024-01-01T00:00:00Z', i % 2]);
    const baseline = tableOf('b.csv', header, data);
    const current = tableOf('c.csv', header, data);

    // Act
    const roles = selectColumns(baseline, current, defaults, contract);

    // Assess
    expect(roles.features).toEqual([
      { name: 'code', kind: 'categorical', kindSource: 'contract', critical: false },
      { name: 'amount', kind: 'numeric', kindSource: 'contract', critical: true },
    ]);
    expect(roles.target).toEqual({ name: 'label', kind: 'categorical', kindSource: 'contract', critical: false });
    expect(roles.excluded.map((e) => e.name)).toEqual(['key', 'seen', 'label']);
    expect(roles.excluded[0].reason).toBe('identifier: unique in the contract');
  });

  it('lets the drift settings mark a feature critical', () => {
    // Prepare
    const baseline = tableOf('b.csv', ['x'], [[1], [2]]);
    const config = DriftConfig.parse({ features: { x: { critical: true } } });

    // Act
    const roles = selectColumns(baseline, baseline, config);

    // Assess
    expect(roles.features[0].critical).toBe(true);
  });

  it('excludes the prediction column and uses the target as labels', () => {
    // Prepare
    const header = ['x', 'score', 'y'];
    const baseline = tableOf(
      'b.csv',
      header,
      rows(10, (i) => [i, i / 10, i % 2]),
    );
    const config = DriftConfig.parse({ prediction: { column: 'score' }, labels: { column: 'y' } });

    // Act
    const roles = selectColumns(baseline, baseline, config);

    // Assess
    expect(roles.features.map((f) => f.name)).toEqual(['x']);
    expect(roles.prediction?.name).toBe('score');
    expect(roles.prediction?.kind).toBe('numeric');
    expect(roles.target).toMatchObject({ name: 'y', kind: 'categorical', kindSource: 'inferred' });
    expect(roles.labels).toBe('y');
  });

  it('reports a column only in the current data as excluded', () => {
    // Prepare
    const baseline = tableOf('b.csv', ['x'], [[1], [2]]);
    const current = tableOf(
      'c.csv',
      ['x', 'extra'],
      [
        [1, 'a'],
        [2, 'b'],
      ],
    );

    // Act
    const roles = selectColumns(baseline, current, defaults);

    // Assess
    expect(roles.excluded).toEqual([{ name: 'extra', reason: 'not in the baseline' }]);
  });

  it('throws naming the column when a feature is missing from the current data', () => {
    // Prepare
    const baseline = tableOf('b.csv', ['x', 'y'], [[1, 2]]);
    const current = tableOf('c.csv', ['x'], [[1]]);

    // Act
    const act = () => selectColumns(baseline, current, defaults);

    // Assess
    expect(act).toThrow(DriftInputError);
    expect(act).toThrow('c.csv: no column "y" (the baseline has it)');
  });

  it('throws naming the settings field when a configured column does not exist', () => {
    // Prepare
    const baseline = tableOf('b.csv', ['x'], [[1]]);
    const config = DriftConfig.parse({ features: { nope: { critical: true } } });

    // Act
    const act = () => selectColumns(baseline, baseline, config);

    // Assess
    expect(act).toThrow('drift settings: features.nope: not a column of b.csv');
  });
});
