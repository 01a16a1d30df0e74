import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadContract } from '@fleet/shared/contract';
import { validateDataset } from '../../src/index.js';

const root = resolve(__dirname, '../../../..');
const datasetsDir = resolve(root, 'examples/datasets');

const check = async (contractName: string, dataset: string) => {
  const { contract } = loadContract(resolve(root, 'contracts', `${contractName}.yaml`));
  return validateDataset(createReadStream(resolve(datasetsDir, dataset)), contract);
};

describe('the contracts in contracts/', () => {
  it('cover every example dataset', () => {
    // Prepare
    const datasets = readdirSync(datasetsDir).filter((file) => file.endsWith('.csv'));
    const contracts = readdirSync(resolve(root, 'contracts')).map((file) => file.replace(/\.yaml$/, ''));

    // Act
    const uncovered = datasets.filter((file) => !contracts.some((name) => file.startsWith(name)));

    // Assess
    expect(uncovered).toEqual([]);
  });

  it.each([
    ['iris', 'iris.csv', 150],
    ['breast_cancer', 'breast_cancer.csv', 569],
    ['wine', 'wine.csv', 178],
    ['diabetes', 'diabetes.csv', 442],
    ['linnerud', 'linnerud.csv', 20],
    ['digits', 'digits.csv', 1797],
    ['churn', 'churn_baseline.csv', 8000],
  ])('%s accepts %s', async (contractName, dataset, rows) => {
    // Act
    const result = await check(contractName, dataset);

    // Assess
    expect(result.issues).toEqual([]);
    expect(result).toMatchObject({ passed: true, rows });
  });

  it('churn accepts churn_drifted.csv: its 36.4 % churn rate is inside positiveRate 5-60 %', async () => {
    // Act
    const result = await check('churn', 'churn_drifted.csv');

    // Assess
    expect(result.passed).toBe(true);
    expect(result.profile.columns.churn.valueCounts).toEqual({ '0': 5092, '1': 2908 });
  });

  it('churn rejects the baseline once its label is broken (every customer churns)', async () => {
    // Prepare
    const { contract } = loadContract(resolve(root, 'contracts/churn.yaml'));
    const lines = readFileSync(resolve(datasetsDir, 'churn_baseline.csv'), 'utf8').split('\n');
    const broken = lines.map((line, k) => (k === 0 || line === '' ? line : line.replace(/,[01]$/, ',1'))).join('\n');
    async function* source() {
      yield Buffer.from(broken);
    }

    // Act
    const result = await validateDataset(source(), contract);

    // Assess
    expect(result.issueCounts).toEqual({ positive_rate_out_of_range: 1 });
    expect(result.issues[0]).toMatchObject({ column: 'churn' });
  });
});
