import { NothingToRollBackError } from './errors.js';
import { packageVersionOf } from './supersedingPackage.js';

/** A deployment record as a rollback reads it: what served, from when. */
export type ServedPackage = { at: string; decision: string; modelPackageArn: string; modelPackageVersion?: number };

/** What a rollback replaces and what it deploys again. */
export type RollbackTarget = {
  /** The package serving now: the newest `deployed` record. */
  current: ServedPackage;
  /** The package to serve again. */
  target: ServedPackage;
};

/** The version of a served package: the record's, else the last segment of its ARN. */
export const servedVersion = (served: ServedPackage): number | undefined =>
  served.modelPackageVersion ?? packageVersionOf(served.modelPackageArn);

/**
 * Chooses what a rollback deploys: the current champion is the newest `deployed` deployment
 * record; the target is the newest earlier `deployed` record of another package (the previous
 * champion), or, with `toVersion`, the newest `deployed` record of that version. A package that
 * was only approved, rolled back or paused never served, so it is never a target.
 *
 * @throws NothingToRollBackError naming the model and what is missing
 * @example rollbackTarget('churn', [{ at: 't2', decision: 'deployed', modelPackageArn: '.../2' }, { at: 't1', decision: 'deployed', modelPackageArn: '.../1' }]) // target .../1
 */
export const rollbackTarget = (
  model: string,
  deployments: readonly ServedPackage[],
  toVersion?: number,
): RollbackTarget => {
  const served = deployments
    .filter((d) => d.decision === 'deployed')
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const [current, ...earlier] = served;
  if (current === undefined) throw new NothingToRollBackError(model, 'no deployment of it has ever served');
  if (toVersion !== undefined) {
    if (servedVersion(current) === toVersion) {
      throw new NothingToRollBackError(
        model,
        `version ${toVersion} is the one serving now (${current.modelPackageArn})`,
      );
    }
    const target = earlier.find((d) => servedVersion(d) === toVersion);
    if (target === undefined) {
      const versions = [...new Set(served.map(servedVersion).filter((v) => v !== undefined))].join(', ');
      throw new NothingToRollBackError(
        model,
        `version ${toVersion} never served (versions that served: ${versions === '' ? 'none' : versions})`,
      );
    }
    return { current, target };
  }
  const target = earlier.find((d) => d.modelPackageArn !== current.modelPackageArn);
  if (target === undefined) {
    throw new NothingToRollBackError(
      model,
      `only ${current.modelPackageArn} ever served; there is no previous champion`,
    );
  }
  return { current, target };
};
