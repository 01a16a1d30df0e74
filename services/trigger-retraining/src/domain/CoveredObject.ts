/**
 * One validated object a run trained on: where it is, which version, and the validation record
 * that vouched for it.
 *
 * The approval issue follows a model package back to its run and the drift monitor finds the
 * training data from it, so the version (ETag or version id) matters as much as the key: a
 * prefix is rewritten, a version is not.
 */
export type CoveredObject = {
  bucket: string;
  key: string;
  versionId?: string;
  etag?: string;
  /** The key of the validation record (`Dataset Validated`'s `recordKey`). */
  validationRecordKey?: string;
};

/**
 * The most objects a decision record lists; beyond it the oldest are counted, not listed.
 *
 * A DynamoDB item holds at most 400 KB: 200 objects of full-length keys stay well below it.
 */
export const maxCoveredObjects = 200;

/**
 * Adds the objects of a new landing to those a window already covers, keeping the newest
 * {@link maxCoveredObjects} and counting the ones left off. The objects are copies, never the
 * caller's (or a stored record's) own.
 */
export const coverObjects = (
  covered: { objects: readonly CoveredObject[]; omitted: number },
  added: readonly CoveredObject[],
): { objects: CoveredObject[]; omitted: number } => {
  const all = [...covered.objects, ...added];
  const dropped = Math.max(0, all.length - maxCoveredObjects);
  return { objects: all.slice(dropped).map((object) => ({ ...object })), omitted: covered.omitted + dropped };
};
