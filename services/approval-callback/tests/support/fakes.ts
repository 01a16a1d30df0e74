import type { FleetDetailInput, FleetDetailType, RecordsRepositoryPort } from '@fleet/shared';
import { fleetEvents, MemoryRecordsRepository, parseFleetConfig } from '@fleet/shared';
import { RecordsApprovalStore } from '../../src/adapters/RecordsApprovalStore.js';
import type { ApprovalPorts } from '../../src/app/ApprovalPorts.js';
import type {
  AppLogger,
  AppMetrics,
  ApprovalEvents,
  ApprovalWorkflow,
  EvaluationReader,
  ModelPackage,
  ModelRegistry,
  SlackReplies,
} from '../../src/app/ports.js';
import type { PackageSummary } from '../../src/domain/chooseChampion.js';

/** A clock that stays where it is put. */
export class FixedClock {
  #now: Date;

  constructor(iso: string) {
    this.#now = new Date(iso);
  }

  now(): Date {
    return new Date(this.#now);
  }

  set(iso: string): void {
    this.#now = new Date(iso);
  }

  advance(ms: number): void {
    this.#now = new Date(this.#now.getTime() + ms);
  }
}

/** Validates each event against the catalog, as the real publisher does, and keeps it. */
export class FakeEvents implements ApprovalEvents {
  readonly published: { detailType: FleetDetailType; detail: Record<string, unknown> }[] = [];

  async publish<T extends FleetDetailType>(detailType: T, detail: FleetDetailInput<T>): Promise<void> {
    const parsed = fleetEvents[detailType].detail.parse(detail) as Record<string, unknown>;
    this.published.push({ detailType, detail: parsed });
  }

  ofType(detailType: FleetDetailType) {
    return this.published.filter((e) => e.detailType === detailType);
  }
}

/** A state machine that records starts, answers and stops; `sendFailures` are thrown first, in order. */
export class FakeWorkflow implements ApprovalWorkflow {
  readonly starts: { name: string; input: Record<string, unknown> }[] = [];
  readonly sent: { taskToken: string; output: Record<string, unknown> }[] = [];
  readonly stopped: { executionArn: string; cause: string }[] = [];
  readonly sendFailures: Error[] = [];
  /** Resolves each SendTaskSuccess after this many event-loop turns, so concurrent clicks overlap. */
  sendDelayTurns = 0;

  async start(name: string, input: Record<string, unknown>): Promise<{ executionArn: string }> {
    this.starts.push({ name, input });
    return { executionArn: `arn:aws:states:eu-west-1:123456789012:execution:fleet-test-approval:${name}` };
  }

  async sendSuccess(taskToken: string, output: Record<string, unknown>): Promise<void> {
    for (let i = 0; i < this.sendDelayTurns; i++) await new Promise((resolve) => setImmediate(resolve));
    const failure = this.sendFailures.shift();
    if (failure !== undefined) throw failure;
    this.sent.push({ taskToken, output });
  }

  async stop(executionArn: string, cause: string): Promise<void> {
    this.stopped.push({ executionArn, cause });
  }
}

/** An error with the name an SDK would give it. */
export const awsError = (name: string, message = name): Error => Object.assign(new Error(message), { name });

/** A registry of packages held in memory. */
export class FakeRegistry implements ModelRegistry {
  readonly packages = new Map<string, ModelPackage>();
  readonly updates: { modelPackageArn: string; status: string; description: string }[] = [];
  readonly listed: string[] = [];

  add(pkg: ModelPackage): void {
    this.packages.set(pkg.modelPackageArn, pkg);
  }

  async describe(modelPackageArn: string): Promise<ModelPackage> {
    const found = this.packages.get(modelPackageArn);
    if (found === undefined) throw awsError('ModelPackageNotFoundError', `no package ${modelPackageArn}`);
    return found;
  }

  async listApproved(group: string): Promise<PackageSummary[]> {
    this.listed.push(group);
    return [...this.packages.values()]
      .filter((p) => p.modelPackageGroup === group && p.status === 'Approved')
      .map((p) => ({ modelPackageArn: p.modelPackageArn, creationTime: p.creationTime }));
  }

  async setStatus(modelPackageArn: string, status: 'Approved' | 'Rejected', description: string): Promise<void> {
    this.updates.push({ modelPackageArn, status, description });
    const found = this.packages.get(modelPackageArn);
    if (found !== undefined) found.status = status;
  }
}

/** Evaluation JSON documents by URI. */
export class FakeEvaluations implements EvaluationReader {
  readonly documents = new Map<string, unknown>();

  async read(s3Uri: string): Promise<unknown> {
    if (!this.documents.has(s3Uri)) throw awsError('NoSuchKey', `no object at ${s3Uri}`);
    return this.documents.get(s3Uri);
  }
}

/** Keeps every ephemeral reply; `failWith` makes each one fail. */
export class FakeReplies implements SlackReplies {
  readonly replies: { responseUrl: string; text: string }[] = [];
  failWith: Error | undefined;

  async ephemeral(responseUrl: string, text: string): Promise<void> {
    if (this.failWith !== undefined) throw this.failWith;
    this.replies.push({ responseUrl, text });
  }
}

/** Keeps every structured log line a use case writes. */
export class FakeLogger implements AppLogger {
  readonly lines: { level: 'error' | 'warn'; message: string; attributes: Record<string, unknown> }[] = [];

  error(message: string, attributes: Record<string, unknown>): void {
    this.lines.push({ level: 'error', message, attributes });
  }

  warn(message: string, attributes: Record<string, unknown>): void {
    this.lines.push({ level: 'warn', message, attributes });
  }
}

/** Counts every metric a use case adds, by name. */
export class FakeMetrics implements AppMetrics {
  readonly counts: Record<string, number> = {};

  addMetric(name: string, _unit: 'Count', value: number): void {
    this.counts[name] = (this.counts[name] ?? 0) + value;
  }
}

/** The configuration the tests run with: churn is approved by two people, fraud times out into a rejection. */
export const testConfigYaml = `
version: 1
models:
  churn:
    pipeline: churn-retrain
    approvers: [U0ANA, U0BOB]
    modelPackageGroup: churn
    approval: { metric: roc_auc, minimum: 0.7, maxRegression: 0.02, timeoutHours: 24 }
  fraud:
    pipeline: fraud-retrain
    approvers: [U0ANA]
    modelPackageGroup: fraud-models
    approval: { metric: auc, metricsPath: eval.auc, timeoutHours: 2, onTimeout: reject }
pipelines:
  churn-retrain: {}
  fraud-retrain: {}
secrets:
  slackSigningSecret: /fleet/slack/signing-secret
`;

/** The parsed test configuration. */
export const testConfig = () => parseFleetConfig(testConfigYaml, { file: 'fleet.test.yaml', stage: 'test' });

/** A package ARN of the test account. */
export const packageArn = (group: string, version: number): string =>
  `arn:aws:sagemaker:eu-west-1:123456789012:model-package/${group}/${version}`;

/**
 * Ports made of fakes, plus handles on each fake. The store is the real RecordsApprovalStore over
 * the in-memory records repository (or the one given, such as dynalite's), which the shared
 * contract suite holds to DynamoDB.
 */
export const fakePorts = (options: { now?: string; records?: RecordsRepositoryPort } = {}) => {
  const records = options.records ?? new MemoryRecordsRepository();
  const store = new RecordsApprovalStore(records);
  const registry = new FakeRegistry();
  const evaluations = new FakeEvaluations();
  const workflow = new FakeWorkflow();
  const events = new FakeEvents();
  const replies = new FakeReplies();
  const clock = new FixedClock(options.now ?? '2026-03-02T12:00:00.000Z');
  const logger = new FakeLogger();
  const metrics = new FakeMetrics();
  const ports: ApprovalPorts = { store, registry, evaluations, workflow, events, replies, clock, logger, metrics };
  return { ports, records, store, registry, evaluations, workflow, events, replies, clock, logger, metrics };
};
