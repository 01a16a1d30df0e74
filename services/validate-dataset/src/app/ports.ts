import type { EventPublisherPort, FailureLogger, FailureMetrics, RecordsRepositoryPort } from '@fleet/shared';
import type { ContractCatalog } from '../domain/ContractCatalog.js';

/** Where an object is: its bucket, its decoded key and, when the caller knows it, its version. */
export type ObjectLocation = { bucket: string; key: string; versionId?: string; etag?: string };

/**
 * One version of one object: what validation reads and what its identity is made of.
 *
 * `etag` is kept without the surrounding quotes S3 puts in headers, so the identity of an object
 * is the same whether it came from an event, a HEAD or a GET.
 */
export type ObjectVersion = { bucket: string; key: string; versionId?: string; etag?: string };

/**
 * Reads dataset objects and writes profiles. The S3 adapter implements it; unit tests pass a
 * fake, so the use case never touches the SDK.
 */
export interface DatasetObjectStore {
  /** The current version of an object, or `undefined` when it does not exist (HEAD). */
  describe(location: ObjectLocation): Promise<ObjectVersion | undefined>;
  /**
   * Streams exactly this version of the object, chunk by chunk (never loaded whole).
   *
   * @throws ObjectUnavailableError when the version is gone or the object has changed since
   */
  open(version: ObjectVersion): Promise<AsyncIterable<Uint8Array>>;
  /** Writes a JSON document (the profile) under `key` in `bucket`. */
  putJson(bucket: string, key: string, document: unknown): Promise<void>;
}

/**
 * The structured log the use case writes to (the Powertools Logger fits it): only for failures it
 * handles without rethrowing, which must still leave a trace (`reportHandledFailure`).
 */
export type AppLogger = FailureLogger;

/** The metrics the use case counts (the Powertools Metrics fits it; the handler flushes them). */
export type AppMetrics = FailureMetrics;

/** The time source of the use case; tests fix it. */
export type Clock = { now: () => Date };

/** Everything {@link validateObject} needs from the outside world. */
export type ValidationPorts = {
  contracts: ContractCatalog;
  objects: DatasetObjectStore;
  records: RecordsRepositoryPort;
  events: EventPublisherPort;
  clock: Clock;
  /** A fresh unique id (the owner token of a claim). */
  newId: () => string;
  logger: AppLogger;
  metrics: AppMetrics;
};
