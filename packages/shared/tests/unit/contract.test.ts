import path from 'node:path';
import { ConfigError, loadContract, parseContract } from '../../src/index.js';

const churnContract = path.resolve(__dirname, '../../../../contracts/churn.yaml');

const base = `
dataset: churn
match: raw/churn/
columns:
  customer_id: { type: string, unique: true }
  tenure_months: { type: integer, min: 0, max: 120 }
  churn: { type: integer, values: [0, 1] }
target: { column: churn }
`;

const parse = (text: string) => parseContract(text, 'contracts/test.yaml');

describe('dataset contract', () => {
  it('loads contracts/churn.yaml with its defaults and hash', () => {
    // Act
    const { contract, hash } = loadContract(churnContract);

    // Assess
    expect(contract.dataset).toBe('churn');
    expect(contract.match).toBe('raw/churn/');
    expect(Object.keys(contract.columns)).toHaveLength(9);
    expect(contract.columns.total_charges.nullable).toBe(true);
    expect(contract.columns.customer_id.unique).toBe(true);
    expect(contract.target?.column).toBe('churn');
    expect(contract.limits.maxIssuesPerCode).toBe(20);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same hash to the same text and another to changed text', () => {
    // Act
    const a = parse(base).hash;
    const b = parse(base).hash;
    const c = parse(base.replace('max: 120', 'max: 121')).hash;

    // Assess
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it.each([
    ['an unknown column type', base.replace('type: string', 'type: text'), 'columns.customer_id.type:'],
    [
      'min above max',
      base.replace('min: 0, max: 120', 'min: 10, max: 5'),
      'columns.tenure_months.min: min (10) is greater than max (5)',
    ],
    [
      'a text bound on an integer column',
      base.replace('min: 0,', 'min: "0",'),
      'columns.tenure_months.min: must be a number',
    ],
    [
      'a target that is not a column',
      base.replace('column: churn }', 'column: churned }'),
      'target.column: "churned" is not a column',
    ],
    [
      'an invalid pattern',
      base.replace('unique: true', 'pattern: "(["'),
      'columns.customer_id.pattern: not a valid ECMAScript regular expression',
    ],
    [
      'an unknown key',
      base.replace('match: raw/churn/', 'match: raw/churn/\nmatches: x'),
      '(root): Unrecognized key: "matches"',
    ],
    ['a missing match', base.replace('match: raw/churn/\n', ''), 'match:'],
    ['no columns', 'dataset: churn\nmatch: raw/\ncolumns: {}\n', 'columns: at least one column'],
  ])('throws naming the field for %s', (_case, text, message) => {
    // Act
    const parsing = () => parse(text);

    // Assess
    expect(parsing).toThrow(ConfigError);
    expect(parsing).toThrow(`contracts/test.yaml: `);
    expect(parsing).toThrow(message);
  });

  it('throws naming the file when it is missing', () => {
    // Act
    const loading = () => loadContract('/nowhere/contract.yaml');

    // Assess
    expect(loading).toThrow('/nowhere/contract.yaml: cannot read contract: ENOENT');
  });
});
