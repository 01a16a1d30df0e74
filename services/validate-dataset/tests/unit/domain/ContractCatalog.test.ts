import { ConfigError } from '@fleet/shared';
import { ContractCatalog, isCatalogEntry } from '../../../src/domain/ContractCatalog.js';
import { specialContract, testCatalog } from '../../support/fixtures.js';

describe('ContractCatalog', () => {
  it('returns the contract with the longest matching prefix', () => {
    // Prepare
    const catalog = testCatalog();

    // Act
    const special = catalog.resolve('raw/churn/special/a.csv');
    const plain = catalog.resolve('raw/churn/specialties.csv');

    // Assess
    expect(isCatalogEntry(special) && special.contract.dataset).toBe('churn-special');
    expect(isCatalogEntry(plain) && plain.contract.dataset).toBe('churn');
  });

  it('lists contracts longest prefix first', () => {
    // Prepare
    const catalog = testCatalog();

    // Act
    const prefixes = catalog.entries.map((e) => e.contract.match);

    // Assess
    expect(prefixes).toEqual(['raw/churn/special/', 'raw/churn/']);
  });

  it.each([
    ['profiles/churn/raw/churn/a.csv.v1.json', 'profile'],
    ['raw/churn/2024/', 'folder-marker'],
    ['raw/iris/a.csv', 'no-contract'],
    ['Raw/churn/a.csv', 'no-contract'],
  ])('finds no contract for %s (%s)', (key, reason) => {
    // Prepare
    const catalog = testCatalog();

    // Act
    const found = catalog.resolve(key);

    // Assess
    expect(found).toMatchObject({ reason });
    expect(isCatalogEntry(found)).toBe(false);
  });

  it('throws ConfigError naming both contracts when two share a prefix', () => {
    // Prepare
    const { contract, hash } = specialContract();
    const entries = [
      { name: 'contracts/a.yaml', contract, hash },
      { name: 'contracts/b.yaml', contract, hash },
    ];

    // Act
    const build = () => new ContractCatalog(entries, 'fleet.config.yaml');

    // Assess
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(
      'fleet.config.yaml: contracts contracts/a.yaml and contracts/b.yaml both match "raw/churn/special/"',
    );
  });

  it('throws ConfigError when a contract watches the profiles prefix', () => {
    // Prepare
    const { contract, hash } = specialContract();
    const entries = [{ name: 'contracts/p.yaml', contract: { ...contract, match: 'profiles/x/' }, hash }];

    // Act
    const build = () => new ContractCatalog(entries);

    // Assess
    expect(build).toThrow('contracts/p.yaml: match "profiles/x/" lies under profiles/');
  });
});
