/** A deployment record as the champion lookup reads it. */
export type DeploymentSummary = { at: string; decision: string; modelPackageArn: string };

/** A package of the group, as ListModelPackages describes it. */
export type PackageSummary = { modelPackageArn: string; creationTime?: Date };

/** Where the champion came from, for the record and the logs. */
export type ChampionSource = 'deployment' | 'registry';

/**
 * The package serving the model: the newest deployment record with `decision: 'deployed'`.
 *
 * @example
 * servingPackage([{ at: '2026-01-01T00:00:00Z', decision: 'deployed', modelPackageArn: 'a' }]) // 'a'
 */
export const servingPackage = (deployments: readonly DeploymentSummary[]): string | undefined =>
  [...deployments].filter((d) => d.decision === 'deployed').sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0]
    ?.modelPackageArn;

/**
 * The newest approved package of the group other than the challenger itself.
 *
 * Sorted here by creation time, newest first, whatever order the list came in: the registry
 * answers oldest first unless told otherwise, which is why `ListModelPackages(...)[0]` is the
 * oldest champion, not the newest.
 */
export const newestApproved = (packages: readonly PackageSummary[], challengerArn: string): string | undefined =>
  [...packages]
    .filter((p) => p.modelPackageArn !== challengerArn)
    .sort((a, b) => (b.creationTime?.getTime() ?? 0) - (a.creationTime?.getTime() ?? 0))[0]?.modelPackageArn;
