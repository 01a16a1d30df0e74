import type { DatasetProfile } from '../profile/DatasetProfile.js';
import type { Issue } from './Issue.js';

/**
 * The outcome of checking one dataset against its contract.
 *
 * `issueCounts` holds the total per code, while `issues` keeps only the first
 * `limits.maxIssuesPerCode` of each code, so a huge broken file still gives a short report.
 * `rows` counts every data row read (blank lines excepted), `bytes` every byte read.
 */
export type ValidationResult = {
  passed: boolean;
  rows: number;
  bytes: number;
  issueCounts: Record<string, number>;
  issues: Issue[];
  profile: DatasetProfile;
  durationMs: number;
};
