import {
  type EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
  type PutEventsResultEntry,
} from '@aws-sdk/client-eventbridge';
import type { FleetDetailInput, FleetDetailType } from '../events/fleetEvents.js';
import { batchEntries } from './batchEntries.js';
import { entrySize, MAX_PUT_EVENTS_BYTES, MAX_PUT_EVENTS_ENTRIES } from './entrySize.js';
import { PublishError, type PublishFailure } from './PublishError.js';
import { validateFleetDetail } from './validateFleetDetail.js';

/** One event to publish with {@link EventPublisherPort.publishAll}. */
export type PublishEntry = { detailType: FleetDetailType; detail: unknown; resources?: string[]; time?: Date };

/** Options of a single {@link EventPublisherPort.publish}. */
export type PublishOptions = { resources?: string[]; time?: Date };

/**
 * Puts fleet events on the bus. Domain code depends on this port, never on the SDK, so unit
 * tests pass an in-memory fake.
 */
export interface EventPublisherPort {
  /** Validates and publishes one event. */
  publish<T extends FleetDetailType>(
    detailType: T,
    detail: FleetDetailInput<T>,
    options?: PublishOptions,
  ): Promise<void>;
  /** Validates every event, then publishes them all; nothing is sent if any is invalid. */
  publishAll(entries: PublishEntry[]): Promise<void>;
}

/** The warning sink of {@link EventPublisher}; a Powertools `Logger` fits. */
export type PublisherLogger = { warn: (message: string, ...extra: Record<string, unknown>[]) => void };

/** Options of {@link EventPublisher}. */
export type EventPublisherOptions = {
  client: EventBridgeClient;
  eventBusName: string;
  /** Attempts per entry, the first included; 4 by default. */
  maxAttempts?: number;
  /** The first retry waits about this long, doubling each time; 100 ms by default. */
  baseDelayMs?: number;
  /** Waits between attempts; replaced in tests. */
  sleep?: (ms: number) => Promise<void>;
  /** Receives one warning per retry (detail-types and error codes only, never details). */
  logger?: PublisherLogger;
};

/** PutEvents entry error codes that AWS documents as retryable; every other code is final. */
export const RETRYABLE_ENTRY_ERROR_CODES: ReadonlySet<string> = new Set(['InternalFailure', 'ThrottlingException']);

const RETRYABLE_SDK_ERRORS = new Set([
  'ThrottlingException',
  'TooManyRequestsException',
  'InternalException',
  'InternalFailure',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
]);
const MAX_DELAY_MS = 20_000;

type Prepared = { index: number; detailType: string; entry: PutEventsRequestEntry };

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** True for SDK errors worth another attempt: throttling, server faults and time-outs. */
const isRetryableSdkError = (error: unknown): boolean => {
  if (!(error instanceof Error)) return false;
  const meta = error as Error & { $retryable?: unknown; $fault?: string; $metadata?: { httpStatusCode?: number } };
  if (meta.$retryable !== undefined || meta.$fault === 'server') return true;
  if ((meta.$metadata?.httpStatusCode ?? 0) >= 500 || meta.$metadata?.httpStatusCode === 429) return true;
  return RETRYABLE_SDK_ERRORS.has(error.name);
};

/**
 * Publishes fleet events to EventBridge with validation, batching and retries of failed entries.
 *
 * PutEvents succeeds as a call even when some entries fail, so the result is checked entry by
 * entry: only the failed entries are resent, and only for the error codes AWS documents as
 * retryable, with exponential backoff and jitter. Every detail is validated against the
 * catalog first, so a consumer never receives an event its schema rejects.
 */
export class EventPublisher implements EventPublisherPort {
  readonly #client: EventBridgeClient;
  readonly #eventBusName: string;
  readonly #maxAttempts: number;
  readonly #baseDelayMs: number;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #logger: PublisherLogger | undefined;

  constructor(options: EventPublisherOptions) {
    this.#client = options.client;
    this.#eventBusName = options.eventBusName;
    this.#maxAttempts = Math.max(1, options.maxAttempts ?? 4);
    this.#baseDelayMs = Math.max(0, options.baseDelayMs ?? 100);
    this.#sleep = options.sleep ?? defaultSleep;
    this.#logger = options.logger;
  }

  async publish<T extends FleetDetailType>(
    detailType: T,
    detail: FleetDetailInput<T>,
    options: PublishOptions = {},
  ): Promise<void> {
    await this.publishAll([{ detailType, detail, ...options }]);
  }

  async publishAll(entries: PublishEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const prepared = entries.map((entry, index) => this.#prepare(entry, index, entries.length));
    const tooLarge = prepared
      .map((p) => ({ p, size: entrySize(p.entry) }))
      .filter(({ size }) => size > MAX_PUT_EVENTS_BYTES)
      .map(({ p, size }) => ({
        index: p.index,
        detailType: p.detailType,
        errorCode: 'EntryTooLarge',
        errorMessage: `entry is ${size} bytes; PutEvents accepts at most ${MAX_PUT_EVENTS_BYTES} (store the payload in S3 and send its key)`,
      }));
    if (tooLarge.length > 0) throw new PublishError(tooLarge);

    const batches = batchEntries(prepared, (p) => entrySize(p.entry), {
      maxEntries: MAX_PUT_EVENTS_ENTRIES,
      maxBytes: MAX_PUT_EVENTS_BYTES,
    });
    const failures: PublishFailure[] = [];
    let cause: unknown;
    for (const batch of batches) {
      const result = await this.#sendBatch(batch);
      failures.push(...result.failures);
      cause ??= result.cause;
    }
    if (failures.length > 0) {
      failures.sort((a, b) => a.index - b.index);
      throw new PublishError(failures, cause === undefined ? undefined : { cause });
    }
  }

  #prepare(entry: PublishEntry, index: number, count: number): Prepared {
    const { source, detail } = validateFleetDetail(
      entry.detailType,
      entry.detail,
      count > 1 ? ` (entry ${index})` : '',
    );
    return {
      index,
      detailType: entry.detailType,
      entry: {
        EventBusName: this.#eventBusName,
        Source: source,
        DetailType: entry.detailType,
        Detail: JSON.stringify(detail),
        ...(entry.resources === undefined ? {} : { Resources: entry.resources }),
        ...(entry.time === undefined ? {} : { Time: entry.time }),
      },
    };
  }

  /** Sends one batch, resending only its retryable failed entries; returns what finally failed. */
  async #sendBatch(batch: Prepared[]): Promise<{ failures: PublishFailure[]; cause?: unknown }> {
    let pending = batch;
    const final: PublishFailure[] = [];
    for (let attempt = 1; ; attempt++) {
      let results: PutEventsResultEntry[];
      try {
        const output = await this.#client.send(new PutEventsCommand({ Entries: pending.map((p) => p.entry) }));
        if ((output.FailedEntryCount ?? 0) === 0) return { failures: final };
        results = output.Entries ?? [];
      } catch (error) {
        const failures = pending.map((p) => failureOf(p, errorCode(error), (error as Error)?.message ?? String(error)));
        if (!isRetryableSdkError(error) || attempt >= this.#maxAttempts) {
          return { failures: [...final, ...failures], cause: error };
        }
        await this.#backoff(attempt, failures);
        continue;
      }

      const retry: Prepared[] = [];
      const retryFailures: PublishFailure[] = [];
      pending.forEach((p, i) => {
        const result = results[i];
        if (result !== undefined && result.ErrorCode === undefined) return;
        const failure = failureOf(
          p,
          result?.ErrorCode ?? 'MissingResult',
          result?.ErrorMessage ?? 'PutEvents returned no result for this entry',
        );
        if (RETRYABLE_ENTRY_ERROR_CODES.has(failure.errorCode) && attempt < this.#maxAttempts) {
          retry.push(p);
          retryFailures.push(failure);
        } else {
          final.push(failure);
        }
      });
      if (retry.length === 0) return { failures: final };
      pending = retry;
      await this.#backoff(attempt, retryFailures);
    }
  }

  /** Waits before attempt `attempt + 1`: exponential with equal jitter, capped. */
  async #backoff(attempt: number, failures: PublishFailure[]): Promise<void> {
    const ceiling = Math.min(MAX_DELAY_MS, this.#baseDelayMs * 2 ** (attempt - 1));
    const delay = Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
    this.#logger?.warn('retrying PutEvents entries', {
      attempt,
      maxAttempts: this.#maxAttempts,
      delayMs: delay,
      failed: failures.map((f) => ({ detailType: f.detailType, errorCode: f.errorCode })),
    });
    await this.#sleep(delay);
  }
}

const errorCode = (error: unknown): string => (error instanceof Error ? error.name : 'UnknownError');

const failureOf = (p: Prepared, errorCode: string, errorMessage: string): PublishFailure => ({
  index: p.index,
  detailType: p.detailType,
  errorCode,
  errorMessage,
});
