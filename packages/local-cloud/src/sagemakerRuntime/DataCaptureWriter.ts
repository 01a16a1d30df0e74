import { randomUUID } from 'node:crypto';
import type { ClockTimer, LocalClock } from '../clock/LocalClock.js';
import type { DataCaptureRecord } from './dataCaptureRecord.js';

/** Writes an object to S3. */
export type PutCaptureObject = (bucket: string, key: string, body: string, contentType: string) => Promise<unknown>;

/** A Data Capture file written to S3. */
export type WrittenCaptureFile = { bucket: string; key: string; records: number };

type Batch = {
  bucket: string;
  key: string;
  lines: string[];
  timer: ClockTimer;
};

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * The S3 location of a capture file, in the documented layout:
 * `<prefix>/<endpoint>/<variant>/yyyy/mm/dd/hh/<mm-ss-SSS-uuid>.jsonl` (UTC), under the
 * configuration's `DestinationS3Uri`.
 *
 * @throws Error when the destination is not an `s3://` URI
 */
export const captureFileLocation = (
  destinationS3Uri: string,
  endpointName: string,
  variantName: string,
  firstRecordMs: number,
  id: string = randomUUID(),
): { bucket: string; key: string } => {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(destinationS3Uri);
  if (!match) throw new Error(`DestinationS3Uri ${destinationS3Uri} is not an s3:// URI`);
  const [, bucket, rawPrefix] = match;
  const prefix = rawPrefix.replace(/\/+$/, '');
  const t = new Date(firstRecordMs);
  const hourPath = `${t.getUTCFullYear()}/${pad(t.getUTCMonth() + 1)}/${pad(t.getUTCDate())}/${pad(t.getUTCHours())}`;
  const file = `${pad(t.getUTCMinutes())}-${pad(t.getUTCSeconds())}-${pad(t.getUTCMilliseconds(), 3)}-${id}.jsonl`;
  const key = [prefix, endpointName, variantName, hourPath, file].filter((part) => part !== '').join('/');
  return { bucket, key };
};

/**
 * Buffers Data Capture records and writes them as JSON Lines files, as SageMaker does: one file
 * per endpoint variant and short interval (`flushAfterMs` of clock time after its first record,
 * never across an hour's folder), so the records land a little after the requests.
 */
export class DataCaptureWriter {
  readonly #clock: LocalClock;
  readonly #put: PutCaptureObject;
  readonly #flushAfterMs: number;
  readonly #batches = new Map<string, Batch>();
  readonly #written: WrittenCaptureFile[] = [];
  readonly #errors: Error[] = [];

  constructor(options: { clock: LocalClock; putObject: PutCaptureObject; flushAfterMs: number }) {
    this.#clock = options.clock;
    this.#put = options.putObject;
    this.#flushAfterMs = options.flushAfterMs;
  }

  /** The files written so far, oldest first. */
  get written(): readonly WrittenCaptureFile[] {
    return this.#written;
  }

  /** Writes that failed (the bucket does not exist...), kept as S3 would drop them. */
  get errors(): readonly Error[] {
    return this.#errors;
  }

  /** How many records wait for their file. */
  get buffered(): number {
    return [...this.#batches.values()].reduce((sum, batch) => sum + batch.lines.length, 0);
  }

  /** Buffers one record of an endpoint variant; its file is written `flushAfterMs` after the batch's first record. */
  add(destinationS3Uri: string, endpointName: string, variantName: string, record: DataCaptureRecord): void {
    const now = this.#clock.nowMs();
    const hour = Math.floor(now / 3_600_000);
    const batchKey = `${destinationS3Uri}|${endpointName}|${variantName}|${hour}`;
    let batch = this.#batches.get(batchKey);
    if (batch === undefined) {
      const { bucket, key } = captureFileLocation(destinationS3Uri, endpointName, variantName, now);
      const created: Batch = {
        bucket,
        key,
        lines: [],
        timer: this.#clock.after(this.#flushAfterMs, () => this.#write(batchKey, created), {
          label: `sagemaker data capture ${endpointName}/${variantName}`,
        }),
      };
      batch = created;
      this.#batches.set(batchKey, batch);
    }
    batch.lines.push(JSON.stringify(record));
  }

  /** Writes every buffered batch now (e.g. before reading the files in a test). */
  async flush(): Promise<void> {
    for (const [batchKey, batch] of [...this.#batches]) {
      batch.timer.cancel();
      await this.#write(batchKey, batch);
    }
  }

  /** Drops what is buffered (records of a stopped cloud). */
  discard(): void {
    for (const batch of this.#batches.values()) batch.timer.cancel();
    this.#batches.clear();
  }

  async #write(batchKey: string, batch: Batch): Promise<void> {
    if (this.#batches.get(batchKey) !== batch) return;
    this.#batches.delete(batchKey);
    try {
      await this.#put(batch.bucket, batch.key, `${batch.lines.join('\n')}\n`, 'application/jsonlines');
      this.#written.push({ bucket: batch.bucket, key: batch.key, records: batch.lines.length });
    } catch (error) {
      this.#errors.push(
        new Error(`Data Capture could not write s3://${batch.bucket}/${batch.key}: ${(error as Error).message}`, {
          cause: error,
        }),
      );
    }
  }
}
