import type { PackageSummary } from '../chooseChampion.js';

/** The version at the end of a versioned model package ARN (`.../model-package/churn/3`), if any. */
export const packageVersionOf = (modelPackageArn: string): number | undefined => {
  const match = /\/(\d+)$/.exec(modelPackageArn);
  return match === null ? undefined : Number(match[1]);
};

/**
 * The approved package that makes deploying `ours` pointless: the highest approved version of
 * the group above ours, or `undefined` when ours is still the newest approved one.
 *
 * Versions, not list order, decide: the registry numbers a group's packages in creation order.
 *
 * @example
 * supersedingPackage([{ modelPackageArn: 'arn:.../churn/3' }], { modelPackageArn: 'arn:.../churn/2', version: 2 }) // 'arn:.../churn/3'
 */
export const supersedingPackage = (
  approved: readonly PackageSummary[],
  ours: { modelPackageArn: string; version: number },
): string | undefined => {
  let newest: { arn: string; version: number } | undefined;
  for (const candidate of approved) {
    const version = packageVersionOf(candidate.modelPackageArn);
    if (version === undefined || candidate.modelPackageArn === ours.modelPackageArn) continue;
    if (version > ours.version && (newest === undefined || version > newest.version)) {
      newest = { arn: candidate.modelPackageArn, version };
    }
  }
  return newest?.arn;
};
