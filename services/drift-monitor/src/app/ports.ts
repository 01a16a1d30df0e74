import type {
  Acquisition,
  FailureLogger,
  FailureMetrics,
  FleetDetailInput,
  FleetDetailType,
  FleetRecord,
  Lease,
  LeaseRecordFields,
} from '@fleet/shared';

/** An object's location and, when known, its exact version. */
export type ObjectRef = { bucket: string; key: string; versionId?: string; etag?: string };

/** The S3 objects the monitor reads and writes. */
export interface ObjectStore {
  /** Every key under a prefix (paginated listing), in key order. */
  list(bucket: string, prefix: string): Promise<string[]>;
  /**
   * The object's lines, streamed in batches (the lines of each chunk read): the object is never
   * held whole in memory, and a window of a million lines costs a few hundred awaits, not a
   * million.
   */
  lines(object: ObjectRef): AsyncIterable<string[]>;
  /** The whole object as text (a baseline CSV, an evaluation report). */
  text(object: ObjectRef): Promise<string>;
  put(bucket: string, key: string, body: string, contentType: string): Promise<void>;
}

/** A model package as the lineage needs it. */
export type ModelPackage = {
  arn: string;
  /** `MetadataProperties.GeneratedBy`: the pipeline execution that trained it. */
  generatedBy?: string;
  /** `ModelMetrics.ModelQuality.Statistics.S3Uri`: its evaluation report. */
  evaluationUri?: string;
};

/** The SageMaker Model Registry. */
export interface ModelRegistry {
  /** The package, or `undefined` when SageMaker does not know it. */
  describe(modelPackageArn: string): Promise<ModelPackage | undefined>;
}

/** The records the monitor reads and writes in the records table, and the lease per window. */
export interface DriftStore {
  acquire(request: {
    key: { pk: string; sk: string };
    owner: string;
    now: Date;
    durationMs: number;
    record: LeaseRecordFields;
  }): Promise<Acquisition>;
  complete(lease: Lease, now: Date, result: Record<string, unknown>): Promise<boolean>;
  fail(lease: Lease, now: Date, error: unknown): Promise<boolean>;
  /** The model's history (partition `MODEL#<model>`), newest first, since `since` (ISO). */
  modelHistory(model: string, since: string): Promise<FleetRecord[]>;
  get(pk: string, sk: string): Promise<FleetRecord | undefined>;
  /** Writes the window's drift record; a rewrite of the same window replaces it. */
  putDrift(record: FleetRecord): Promise<void>;
}

/** Sends fleet events, validated against the catalog. */
export interface DriftEvents {
  publish<T extends FleetDetailType>(detailType: T, detail: FleetDetailInput<T>): Promise<unknown>;
}

/** Counters and gauges of the fleet (Powertools Metrics fits it; the handler flushes them). */
export interface DriftMetrics extends FailureMetrics {
  addMetric(name: string, unit: 'Count' | 'None', value: number): void;
}

/** Where embedded-metric-format documents go (a log line in Lambda). */
export interface EmfSink {
  write(document: Record<string, unknown>): void;
}

/** Time, injected so tests and the local cloud control it. */
export interface Clock {
  now(): Date;
}

/** Everything the check needs from outside. */
export type DriftPorts = {
  objects: ObjectStore;
  registry: ModelRegistry;
  store: DriftStore;
  events: DriftEvents;
  emf: EmfSink;
  clock: Clock;
  logger: FailureLogger;
  metrics: DriftMetrics;
  /** The bucket Data Capture, ground truth and reports live in. */
  bucket: string;
};
