import { validateDataset } from '@fleet/dataset-validation';
import { reportHandledFailure } from '@fleet/shared';
import { type CatalogEntry, isCatalogEntry } from '../domain/ContractCatalog.js';
import { firstIssues } from '../domain/firstIssues.js';
import { ObjectUnavailableError } from './ObjectUnavailableError.js';
import type { ObjectLocation, ObjectVersion, ValidationPorts } from './ports.js';
import { type Claim, type ClaimResult, ValidationClaims } from './ValidationClaims.js';
import type { OutcomeObject, ValidationOutcome, ValidationSummary } from './ValidationOutcome.js';
import { formatRecordKey, profileKey, validationEventKey, validationRecordKeys } from './validationKeys.js';

/** Issues kept in a validation record. */
export const RECORD_ISSUES = 100;

/** Issues carried by a `Dataset Rejected` event (the catalog allows at most 20). */
export const EVENT_ISSUES = 20;

/** The lease of a claim when the caller gives none: the longest a Lambda function runs, and a minute. */
export const DEFAULT_LEASE_MS = 16 * 60 * 1000;

/** One request to validate an object: where it is (key decoded) and the chain it belongs to. */
export type ValidateObjectRequest = ObjectLocation & {
  correlationId: string;
  /** How long the claim is held before another delivery may take it over; see {@link DEFAULT_LEASE_MS}. */
  leaseMs?: number;
};

const objectOf = (o: OutcomeObject): OutcomeObject => ({
  bucket: o.bucket,
  key: o.key,
  ...(o.versionId === undefined ? {} : { versionId: o.versionId }),
  ...(o.etag === undefined ? {} : { etag: o.etag }),
});

/**
 * Validates one object version against its contract, once: the use case of validate-dataset.
 *
 * Finds the contract by key (longest prefix), claims the object version with a conditional
 * write, streams the object through `validateDataset` (@fleet/dataset-validation), writes the
 * profile (when the dataset passed) under `profiles/`, writes one validation record in the
 * dataset's history, emits `Dataset Validated` or `Dataset Rejected`, and marks the claim
 * completed. A redelivered event finds the completed claim and writes and emits nothing. Objects
 * that are profiles, folder markers, match no contract, or are gone by the time they are read
 * are skipped, not failed, so they never loop through retries into the dead-letter queue.
 *
 * @throws whatever a port throws (S3, DynamoDB, EventBridge), after marking the claim failed so
 * Lambda's retry takes it over at once; when even that fails, the original error is still the
 * one thrown, and the failure to mark the claim is logged with the correlation id and counted
 */
export const validateObject = async (
  request: ValidateObjectRequest,
  ports: ValidationPorts,
): Promise<ValidationOutcome> => {
  const found = ports.contracts.resolve(request.key);
  if (!isCatalogEntry(found)) {
    return { status: 'skipped', ...objectOf(request), reason: found.reason, message: found.message };
  }

  let version: ObjectVersion | undefined = request;
  if (request.versionId === undefined && request.etag === undefined) {
    version = await ports.objects.describe(request);
    if (version === undefined) {
      return {
        status: 'skipped',
        ...objectOf(request),
        reason: 'gone',
        message: `${request.bucket}/${request.key} does not exist`,
      };
    }
  }
  const object = objectOf(version);

  const claims = new ValidationClaims(ports.records);
  const acquired = await claims.acquire(object, {
    correlationId: request.correlationId,
    owner: ports.newId(),
    now: ports.clock.now(),
    leaseMs: request.leaseMs ?? DEFAULT_LEASE_MS,
  });
  if (acquired.outcome === 'completed') {
    const result = acquired.lease.result as ClaimResult;
    return { status: 'duplicate', ...object, ...result };
  }
  if (acquired.outcome === 'held') {
    return {
      status: 'in-progress',
      ...object,
      message: `being validated by another invocation until ${acquired.lease.expiresAt} (correlation ${acquired.lease.record.correlationId})`,
    };
  }

  const claim = acquired.lease;
  try {
    const summary = await runValidation(object, found, claim, request.correlationId, ports);
    await claims.complete(claim, claimResult(summary), ports.clock.now());
    return { status: summary.passed ? 'validated' : 'rejected', ...summary };
  } catch (error) {
    if (error instanceof ObjectUnavailableError) {
      await claims.release(claim, error.message, ports.clock.now());
      return { status: 'skipped', ...object, reason: error.reason, message: error.message };
    }
    await claims.fail(claim, error, ports.clock.now()).catch((failError: unknown) =>
      reportHandledFailure(ports, {
        step: 'ValidationClaimNotMarkedFailed',
        message: 'could not mark the validation claim failed; the retry waits for its lease to expire',
        correlationId: request.correlationId,
        error: failError,
        details: { ...object, validationError: error instanceof Error ? error.name : String(error) },
      }),
    );
    throw error;
  }
};

const claimResult = (summary: ValidationSummary): ClaimResult => ({
  dataset: summary.dataset,
  verdict: summary.passed ? 'validated' : 'rejected',
  rows: summary.rows,
  issueCounts: summary.issueCounts,
  recordKey: summary.recordKey,
  ...(summary.profileKey === undefined ? {} : { profileKey: summary.profileKey }),
});

/** Streams, checks, and writes the profile, the record and the event of one claimed object version. */
const runValidation = async (
  object: OutcomeObject,
  entry: CatalogEntry,
  claim: Claim,
  correlationId: string,
  ports: ValidationPorts,
): Promise<ValidationSummary> => {
  const { contract } = entry;
  const source = await ports.objects.open(object);
  const result = await validateDataset(source, contract);
  const validatedAt = ports.clock.now().toISOString();

  const keys = validationRecordKeys.record(contract.dataset, claim.record.at, claim.record.id);
  const summary: ValidationSummary = {
    dataset: contract.dataset,
    ...object,
    contract: entry.name,
    contractHash: entry.hash,
    passed: result.passed,
    rows: result.rows,
    bytes: result.bytes,
    issueCounts: result.issueCounts,
    issues: firstIssues(result.issues, RECORD_ISSUES),
    durationMs: Math.round(result.durationMs),
    recordKey: formatRecordKey(keys),
    correlationId,
  };

  if (result.passed) {
    summary.profileKey = profileKey(contract.dataset, object);
    await ports.objects.putJson(object.bucket, summary.profileKey, {
      dataset: contract.dataset,
      ...object,
      contract: entry.name,
      contractHash: entry.hash,
      validatedAt,
      correlationId,
      rows: result.rows,
      bytes: result.bytes,
      profile: result.profile,
    });
  }

  // A takeover writes the same key (the claim keeps its `at`), so this replaces, never adds.
  await ports.records.put({
    ...keys,
    kind: 'validation',
    id: claim.record.id,
    at: claim.record.at,
    validatedAt,
    verdict: result.passed ? 'validated' : 'rejected',
    ...summary,
  });

  const detail = {
    correlationId,
    dataset: summary.dataset,
    ...object,
    contract: summary.contract,
    contractHash: summary.contractHash,
    rows: summary.rows,
    issueCounts: summary.issueCounts,
    recordKey: summary.recordKey,
  };
  const resources = [`arn:aws:s3:::${object.bucket}/${object.key}`];
  if (result.passed) {
    await ports.events.publish(
      'Dataset Validated',
      {
        ...detail,
        eventKey: validationEventKey('Dataset Validated', object),
        profileKey: summary.profileKey as string,
      },
      { resources },
    );
  } else {
    await ports.events.publish(
      'Dataset Rejected',
      {
        ...detail,
        eventKey: validationEventKey('Dataset Rejected', object),
        issues: firstIssues(result.issues, EVENT_ISSUES),
      },
      { resources },
    );
  }
  return summary;
};
