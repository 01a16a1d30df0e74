import type { FleetDetailInput, FleetDetailType } from '@fleet/shared';
import { fleetEvents, MemoryRecordsRepository } from '@fleet/shared';
import { RecordsTriggerStore } from '../../src/adapters/RecordsTriggerStore.js';
import type {
  AppLogger,
  AppMetrics,
  DebounceFire,
  DebounceScheduler,
  PipelineRunner,
  RetrainingEvents,
  StartExecutionInput,
  TriggerPorts,
} from '../../src/app/ports.js';
import type { PipelineSettings } from '../../src/domain/PipelineSettings.js';
import type { TriggerRequest } from '../../src/domain/TriggerRequest.js';

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

/** Every parameter the `settings()` pipeline may pass, as its definition would declare them. */
export const declaredByDefault = [
  'InputDataUri',
  'DatasetName',
  'TriggerReason',
  'TrainingWindowDays',
  'ModelApprovalStatus',
] as const;

/** Records starts and answers the in-flight check and the declared parameters as told. */
export class FakeRunner implements PipelineRunner {
  readonly starts: StartExecutionInput[] = [];
  readonly described: string[] = [];
  executing = false;
  failWith: Error | undefined;
  describeFailWith: Error | undefined;
  declared: string[] = [...declaredByDefault];
  /** The defaults the pipeline declares, as its definition's `DefaultValue`s. */
  defaults: Record<string, string> = { TrainingWindowDays: '90', ModelApprovalStatus: 'PendingManualApproval' };
  reason: string | undefined = 'step Train failed';

  async declaredParameters(pipelineName: string): Promise<ReadonlySet<string>> {
    this.described.push(pipelineName);
    if (this.describeFailWith !== undefined) throw this.describeFailWith;
    return new Set(this.declared);
  }

  async declaredDefaults(): Promise<Readonly<Record<string, string>>> {
    if (this.describeFailWith !== undefined) throw this.describeFailWith;
    return Object.fromEntries(Object.entries(this.defaults).filter(([name]) => this.declared.includes(name)));
  }

  async start(input: StartExecutionInput): Promise<{ executionArn: string }> {
    this.starts.push(input);
    if (this.failWith !== undefined) throw this.failWith;
    return {
      executionArn: `arn:aws:sagemaker:eu-west-1:123456789012:pipeline/${input.pipelineName}/execution/${input.clientRequestToken.slice(0, 12)}`,
    };
  }

  async isExecuting(): Promise<boolean> {
    return this.executing;
  }

  async failureReason(): Promise<string | undefined> {
    return this.reason;
  }
}

/** Records every arming. */
export class FakeScheduler implements DebounceScheduler {
  readonly armed: { name: string; at: Date; payload: DebounceFire }[] = [];

  async arm(input: { name: string; at: Date; payload: DebounceFire }): Promise<void> {
    this.armed.push(input);
  }
}

/** Validates each event against the catalog, as the real publisher does, and keeps it. */
export class FakeEvents implements RetrainingEvents {
  readonly published: { detailType: FleetDetailType; detail: Record<string, unknown> }[] = [];
  failWith: Error | undefined;

  async publish<T extends FleetDetailType>(detailType: T, detail: FleetDetailInput<T>): Promise<void> {
    if (this.failWith !== undefined) throw this.failWith;
    const parsed = fleetEvents[detailType].detail.parse(detail) as Record<string, unknown>;
    this.published.push({ detailType, detail: parsed });
  }

  ofType(detailType: FleetDetailType) {
    return this.published.filter((e) => e.detailType === detailType);
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

/**
 * Ports made of fakes, plus handles on each fake. The store is the real RecordsTriggerStore
 * over the in-memory records repository, which the shared contract suite holds to DynamoDB.
 */
export const fakePorts = (now = '2026-03-02T12:00:00.000Z') => {
  const records = new MemoryRecordsRepository();
  const store = new RecordsTriggerStore(records);
  const runner = new FakeRunner();
  const scheduler = new FakeScheduler();
  const events = new FakeEvents();
  const clock = new FixedClock(now);
  const logger = new FakeLogger();
  const metrics = new FakeMetrics();
  let n = 0;
  const newId = () => `decision-${++n}`;
  const ports: TriggerPorts = { store, runner, scheduler, events, clock, newId, logger, metrics };
  return { ports, store, records, runner, scheduler, events, clock, logger, metrics };
};

/** A pipeline with every guard off unless overridden. */
export const settings = (overrides: Partial<PipelineSettings['guards']> = {}): PipelineSettings => ({
  key: 'churn-retrain',
  pipelineName: 'churn-retrain',
  parameters: {
    s3Uri: 'InputDataUri',
    dataset: 'DatasetName',
    reason: 'TriggerReason',
    trainingWindowDays: 'TrainingWindowDays',
  },
  staticParameters: { ModelApprovalStatus: 'PendingManualApproval' },
  guards: {
    cooldownMinutes: 0,
    quietHours: [],
    debounceSeconds: 0,
    criticalTriggers: ['manual'],
    maxRunMinutes: 1440,
    ...overrides,
  },
  models: ['churn'],
});

/** A schedule request for the churn pipeline. */
export const scheduleTrigger = (overrides: Partial<TriggerRequest> = {}): TriggerRequest => ({
  pipeline: 'churn-retrain',
  trigger: { kind: 'schedule', id: 'arn:aws:events:eu-west-1:123456789012:rule/nightly@2026-03-02T12:00:00Z' },
  reason: 'scheduled by rule nightly',
  correlationId: 'corr-1',
  requested: {},
  offered: { reason: 'scheduled by rule nightly' },
  ...overrides,
});
