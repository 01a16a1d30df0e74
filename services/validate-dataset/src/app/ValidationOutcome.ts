import type { Issue } from '@fleet/dataset-validation';

/** The object an outcome is about, with its version as far as it is known. */
export type OutcomeObject = { bucket: string; key: string; versionId?: string; etag?: string };

/** What one validation found, as the record, the event and a direct caller see it. */
export type ValidationSummary = OutcomeObject & {
  dataset: string;
  contract: string;
  contractHash: string;
  passed: boolean;
  rows: number;
  bytes: number;
  issueCounts: Record<string, number>;
  /** The first issues (each code at least once), messages shortened. */
  issues: Issue[];
  durationMs: number;
  recordKey: string;
  /** Where the profile was written; only for a dataset that passed. */
  profileKey?: string;
  correlationId: string;
};

/** Why an object was acknowledged without being validated. */
export type SkipReason = 'profile' | 'folder-marker' | 'no-contract' | 'gone' | 'changed';

/**
 * The outcome of one delivery of an object to {@link validateObject}.
 *
 * - `validated` / `rejected`: checked now; one record written, one event emitted;
 * - `duplicate`: this object version was validated before; nothing written or emitted, and the
 *   earlier verdict is returned;
 * - `in-progress`: another invocation holds the claim and is validating it now;
 * - `skipped`: nothing to validate (see {@link SkipReason}); nothing written or emitted.
 */
export type ValidationOutcome =
  | ({ status: 'validated' | 'rejected' } & ValidationSummary)
  | (OutcomeObject & {
      status: 'duplicate';
      dataset: string;
      verdict: 'validated' | 'rejected';
      rows: number;
      issueCounts: Record<string, number>;
      recordKey: string;
      profileKey?: string;
    })
  | (OutcomeObject & { status: 'in-progress'; message: string })
  | (OutcomeObject & { status: 'skipped'; reason: SkipReason; message: string });
