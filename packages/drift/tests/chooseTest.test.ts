import { ColumnKind, chooseTest, DriftConfig, DriftInputError } from '../src/index.js';

const defaults = DriftConfig.parse({});

describe('chooseTest', () => {
  it.each([
    [ColumnKind.numeric, 1000, { test: 'ks', threshold: 0.05 }],
    [ColumnKind.categorical, 1000, { test: 'chi-squared', threshold: 0.05 }],
    [ColumnKind.numeric, 1001, { test: 'wasserstein', threshold: 0.1 }],
    [ColumnKind.categorical, 1001, { test: 'jensen-shannon', threshold: 0.1 }],
  ])('returns the default for a %s column and %d baseline rows', (kind, rows, expected) => {
    // Act
    const choice = chooseTest('x', kind, rows, defaults);

    // Assess
    expect(choice).toEqual(expected);
  });

  it('returns the test and threshold set for the feature', () => {
    // Prepare
    const config = DriftConfig.parse({ alpha: 0.01, features: { x: { test: 'psi' } }, smallSampleRows: 50 });

    // Act
    const own = chooseTest('x', ColumnKind.numeric, 10, config);
    const other = chooseTest('y', ColumnKind.numeric, 10, config);

    // Assess
    expect(own).toEqual({ test: 'psi', threshold: 0.2 });
    expect(other).toEqual({ test: 'ks', threshold: 0.01 });
  });

  it('throws naming the field when the test does not fit the column', () => {
    // Prepare
    const config = DriftConfig.parse({ features: { plan: { test: 'ks' } } });

    // Act
    const act = () => chooseTest('plan', ColumnKind.categorical, 10, config);

    // Assess
    expect(act).toThrow(DriftInputError);
    expect(act).toThrow('drift settings: features.plan.test: "ks" needs a numeric column, and "plan" is categorical');
  });
});
