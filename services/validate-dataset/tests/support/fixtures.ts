import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadContract, parseContract } from '@fleet/shared';
import { ContractCatalog } from '../../src/domain/ContractCatalog.js';
import { repoRoot } from './repoRoot.js';

/** The data bucket of the tests. */
export const BUCKET = 'fleet-test-data';

/** `examples/datasets/churn_baseline.csv`, which passes the churn contract. */
export const churnBaseline = (): string =>
  readFileSync(path.join(repoRoot, 'examples', 'datasets', 'churn_baseline.csv'), 'utf8');

/** The churn baseline with a negative tenure on line 5 and an unknown contract on line 10. */
export const brokenChurn = (): string => {
  const lines = churnBaseline().split('\n');
  const tenure = lines[4].split(',');
  tenure[1] = '-3';
  lines[4] = tenure.join(',');
  const contract = lines[9].split(',');
  contract[4] = 'Weekly';
  lines[9] = contract.join(',');
  return lines.join('\n');
};

/** A contract for `raw/churn/special/`: a longer prefix than the churn contract's `raw/churn/`. */
export const specialContract = () =>
  parseContract(
    ['dataset: churn-special', 'match: raw/churn/special/', 'columns:', '  customer_id: { type: string }'].join('\n'),
    'contracts/churn-special.yaml',
  );

/** A catalog of the repository's churn contract and {@link specialContract}. */
export const testCatalog = (): ContractCatalog => {
  const churn = loadContract(path.join(repoRoot, 'contracts', 'churn.yaml'));
  const special = specialContract();
  return new ContractCatalog([
    { name: 'contracts/churn.yaml', contract: churn.contract, hash: churn.hash },
    { name: 'contracts/churn-special.yaml', contract: special.contract, hash: special.hash },
  ]);
};
