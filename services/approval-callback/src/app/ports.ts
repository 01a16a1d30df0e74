import type { FailureLogger, FailureMetrics, FleetDetailInput, FleetDetailType } from '@fleet/shared';
import type { PackageSummary } from '../domain/chooseChampion.js';

/** Time, injected so tests and the local cloud control it. */
export interface Clock {
  now(): Date;
}

/** What the Model Registry says about one package. */
export type ModelPackage = {
  modelPackageArn: string;
  modelPackageGroup: string;
  version?: number;
  status: 'Approved' | 'Rejected' | 'PendingManualApproval';
  /** `ModelMetrics.ModelQuality.Statistics.S3Uri`: the evaluation JSON. */
  metricsUri?: string;
  /** `MetadataProperties.GeneratedBy`: the pipeline execution that registered it. */
  generatedBy?: string;
  creationTime?: Date;
};

/**
 * The SageMaker Model Registry, as the approval uses it. Failures are thrown classified
 * (`SageMakerTaskError`), so a Lambda task's `Retry` can match them.
 */
export interface ModelRegistry {
  describe(modelPackageArn: string): Promise<ModelPackage>;
  /** The group's `Approved` packages, asked newest first (`SortBy: CreationTime`, `SortOrder: Descending`). */
  listApproved(group: string): Promise<PackageSummary[]>;
  /** Sets the package's approval status and description. */
  setStatus(modelPackageArn: string, status: 'Approved' | 'Rejected', description: string): Promise<void>;
}

/** Reads an evaluation JSON (S3). */
export interface EvaluationReader {
  read(s3Uri: string): Promise<unknown>;
}

/** The approval state machine (Step Functions). */
export interface ApprovalWorkflow {
  /**
   * Starts an execution under a deterministic name; the same name and input return the running
   * execution instead of failing, so a retried start is harmless.
   */
  start(name: string, input: Record<string, unknown>): Promise<{ executionArn: string }>;
  /** Answers a waiting task. Throws Step Functions' own error names (`TaskTimedOut`, ...). */
  sendSuccess(taskToken: string, output: Record<string, unknown>): Promise<void>;
  /** Stops an execution (a superseded approval); an execution that is gone or already ended is fine. */
  stop(executionArn: string, cause: string): Promise<void>;
}

/** Sends fleet events; each detail is validated against the catalog before it leaves. */
export interface ApprovalEvents {
  publish<T extends FleetDetailType>(detailType: T, detail: FleetDetailInput<T>): Promise<unknown>;
}

/** Answers the clicker privately (Slack's `response_url`). */
export interface SlackReplies {
  /** Posts an ephemeral message; throws when Slack did not take it (the caller logs and counts it). */
  ephemeral(responseUrl: string, text: string): Promise<void>;
}

/** The structured log the use cases write failures and warnings to (`reportHandledFailure`). */
export type AppLogger = FailureLogger;

/** The metrics the use cases count (the Powertools Metrics fits it; the handler flushes them). */
export type AppMetrics = FailureMetrics;

/** The Slack app's signing secret (an SSM SecureString), read at run time and never logged. */
export interface SigningSecret {
  get(): Promise<string>;
}
