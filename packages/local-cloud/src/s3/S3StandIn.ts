import { HeadObjectCommand, PutObjectCommand, type PutObjectCommandOutput, S3Client } from '@aws-sdk/client-s3';
import { type S3Emulator, type S3rverEventRecord, s3ClientOptions, startS3 } from '@fleet/emulators';
import type { StackBucket } from '../serverless/readStackResources.js';
import type { LocalStandIn, RunningStandIn, StandInContext } from '../standIn/LocalStandIn.js';
import { isObjectCreated, objectCreatedEvent, type S3NotificationRecord } from './objectCreatedEvent.js';

/** What `put` stored. */
export type PutObjectResult = { bucket: string; key: string; etag: string; size: number };

/**
 * S3 on s3rver, with the buckets the stacks declare; a bucket with EventBridge notifications on
 * sends S3's `Object Created` events to the default bus, as on AWS.
 *
 * The conversion reads the object's ETag when s3rver leaves it out, so it runs asynchronously:
 * `inFlight` counts the conversions under way, and one that fails (the object vanished first)
 * is kept in `conversionErrors`.
 */
export class S3StandIn implements LocalStandIn {
  readonly name = 's3';
  readonly #buckets: readonly StackBucket[];
  readonly #pending = new Set<Promise<void>>();
  readonly #conversionErrors: Error[] = [];
  #client?: S3Client;
  #sequencer = 0;

  constructor(options: { buckets: readonly StackBucket[] }) {
    this.#buckets = options.buckets;
  }

  /** The bucket objects land in by default: the first with EventBridge notifications on, else the first. */
  get defaultBucket(): string | undefined {
    return (this.#buckets.find((bucket) => bucket.eventBridge) ?? this.#buckets[0])?.name;
  }

  /** Notifications that could not be turned into events. */
  get conversionErrors(): readonly Error[] {
    return this.#conversionErrors;
  }

  /**
   * Uploads an object through the S3 API, as a producer would: straight to s3rver, or `via` another
   * endpoint (the fault proxy in front of it) with a client that tries `maxAttempts` times.
   */
  async put(
    bucket: string,
    key: string,
    body: string | Uint8Array,
    contentType: string,
    via?: { endpoint: string; maxAttempts: number },
  ): Promise<PutObjectResult> {
    if (this.#client === undefined) throw new Error('the S3 stand-in is not started');
    const client =
      via === undefined
        ? this.#client
        : new S3Client({ ...s3ClientOptions(via.endpoint), maxAttempts: via.maxAttempts });
    let output: PutObjectCommandOutput;
    try {
      output = await client.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }),
      );
    } finally {
      if (client !== this.#client) client.destroy();
    }
    return {
      bucket,
      key,
      etag: (output.ETag ?? '').replace(/"/g, ''),
      size: typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength,
    };
  }

  async start(context: StandInContext): Promise<RunningStandIn> {
    let emulator: S3Emulator | undefined;
    const endpoint = await context.listen('s3', async (port) => {
      emulator = await startS3({ port });
      return emulator.endpoint;
    });
    const s3 = emulator as S3Emulator;
    // The stand-in's own calls (uploads for the cloud, heads for its events) go straight to s3rver,
    // never through a fault proxy in front of it: S3's notifications do not fail on a throttled client.
    const client = new S3Client(s3ClientOptions(s3.endpoint));
    this.#client = client;
    const stop = async () => {
      client.destroy();
      await s3.stop();
    };
    try {
      for (const bucket of this.#buckets) await s3.createBucket(bucket.name);
    } catch (error) {
      await stop();
      throw error;
    }
    const notifying = new Set(this.#buckets.filter((bucket) => bucket.eventBridge).map((bucket) => bucket.name));
    s3.onObjectEvent((record) => this.#onRecord(record, notifying, context));
    return {
      endpoints: { s3: endpoint },
      inFlight: () => this.#pending.size,
      drain: async () => {
        while (this.#pending.size > 0) await Promise.all([...this.#pending]);
      },
      stop,
    };
  }

  #onRecord(record: S3rverEventRecord, notifying: ReadonlySet<string>, context: StandInContext): void {
    const notification = record as S3NotificationRecord;
    if (!notifying.has(notification.s3.bucket.name) || !isObjectCreated(notification)) return;
    // Taken now, in arrival order: S3 orders the events of one key by their sequencer.
    const sequencer = (context.clock.nowMs() * 1000 + (this.#sequencer++ % 1000)).toString(16).toUpperCase();
    const time = new Date();
    const conversion = (async () => {
      let etag: string | undefined;
      if (notification.s3.object.eTag === undefined) {
        const head = await (this.#client as S3Client).send(
          new HeadObjectCommand({ Bucket: notification.s3.bucket.name, Key: notification.s3.object.key }),
        );
        etag = head.ETag?.replace(/"/g, '');
      }
      const event = objectCreatedEvent(notification, {
        region: context.region,
        accountId: context.accountId,
        time,
        etag,
        sequencer,
      });
      context.putEvent(event, 'default');
    })()
      .catch((error: unknown) => {
        // Kept and shown by LocalCloud.conversionErrors(), as S3 would drop an event it cannot send.
        this.#conversionErrors.push(error as Error);
      })
      .finally(() => {
        this.#pending.delete(conversion);
      });
    this.#pending.add(conversion);
  }
}
