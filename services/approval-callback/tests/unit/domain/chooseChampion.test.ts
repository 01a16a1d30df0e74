import { newestApproved, servingPackage } from '../../../src/domain/chooseChampion.js';

describe('servingPackage', () => {
  it('picks the newest deployed package, ignoring rollbacks and failures after it', () => {
    // Prepare
    const deployments = [
      { at: '2026-01-01T00:00:00.000Z', decision: 'deployed', modelPackageArn: 'v1' },
      { at: '2026-02-01T00:00:00.000Z', decision: 'deployed', modelPackageArn: 'v2' },
      { at: '2026-03-01T00:00:00.000Z', decision: 'rolled_back', modelPackageArn: 'v3' },
    ];

    // Act
    const serving = servingPackage(deployments);

    // Assess
    expect(serving).toBe('v2');
  });

  it('finds none without a deployed record', () => {
    // Assess
    expect(servingPackage([{ at: '2026-01-01T00:00:00Z', decision: 'failed', modelPackageArn: 'v1' }])).toBeUndefined();
  });
});

describe('newestApproved', () => {
  it('picks the newest by creation time whatever order the list came in, never the challenger', () => {
    // Prepare
    const packages = [
      { modelPackageArn: 'v1', creationTime: new Date('2026-01-01T00:00:00Z') },
      { modelPackageArn: 'v4', creationTime: new Date('2026-04-01T00:00:00Z') },
      { modelPackageArn: 'v2', creationTime: new Date('2026-02-01T00:00:00Z') },
    ];

    // Act
    const champion = newestApproved(packages, 'v4');

    // Assess
    expect(champion).toBe('v2');
  });

  it('finds none in an empty group', () => {
    // Assess
    expect(newestApproved([], 'v1')).toBeUndefined();
  });
});
