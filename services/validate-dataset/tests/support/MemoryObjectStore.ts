import { createHash } from 'node:crypto';
import { ObjectUnavailableError } from '../../src/app/ObjectUnavailableError.js';
import type { DatasetObjectStore, ObjectLocation, ObjectVersion } from '../../src/app/ports.js';

type Stored = { bytes: Uint8Array; etag: string; versionId?: string };

/**
 * A {@link DatasetObjectStore} in memory for tests: objects by bucket and key, served in small
 * chunks (so chunk boundaries fall inside rows), with S3's version checks.
 */
export class MemoryObjectStore implements DatasetObjectStore {
  readonly #objects = new Map<string, Stored>();
  /** Every version `open` was asked for, in order. */
  readonly opened: ObjectVersion[] = [];
  /** Every key `putJson` wrote, in order. */
  readonly written: string[] = [];

  constructor(readonly chunkSize = 4096) {}

  /** Stores an object and returns the version an event would announce. */
  put(bucket: string, key: string, content: string | Uint8Array, options: { versionId?: string } = {}): ObjectVersion {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    const etag = createHash('md5').update(bytes).digest('hex');
    this.#objects.set(this.#id(bucket, key), { bytes, etag, versionId: options.versionId });
    return { bucket, key, etag, ...(options.versionId === undefined ? {} : { versionId: options.versionId }) };
  }

  /** Removes an object, as a delete after its event would. */
  remove(bucket: string, key: string): void {
    this.#objects.delete(this.#id(bucket, key));
  }

  /** The JSON document stored under a key, parsed. */
  json(bucket: string, key: string): unknown {
    const stored = this.#objects.get(this.#id(bucket, key));
    return stored === undefined ? undefined : JSON.parse(new TextDecoder().decode(stored.bytes));
  }

  /** Every key stored in a bucket. */
  keys(bucket: string): string[] {
    return [...this.#objects.keys()]
      .filter((id) => id.startsWith(`${bucket}/`))
      .map((id) => id.slice(bucket.length + 1));
  }

  async describe(location: ObjectLocation): Promise<ObjectVersion | undefined> {
    const stored = this.#objects.get(this.#id(location.bucket, location.key));
    if (stored === undefined) return undefined;
    return {
      bucket: location.bucket,
      key: location.key,
      etag: stored.etag,
      ...(stored.versionId === undefined ? {} : { versionId: stored.versionId }),
    };
  }

  async open(version: ObjectVersion): Promise<AsyncIterable<Uint8Array>> {
    this.opened.push(version);
    const stored = this.#objects.get(this.#id(version.bucket, version.key));
    const wrongVersion = version.versionId !== undefined && version.versionId !== stored?.versionId;
    if (stored === undefined || wrongVersion)
      throw new ObjectUnavailableError('gone', `${version.key} no longer exists`);
    if (version.versionId === undefined && version.etag !== undefined && version.etag !== stored.etag) {
      throw new ObjectUnavailableError('changed', `${version.key} changed since its event`);
    }
    const { bytes } = stored;
    const size = this.chunkSize;
    return (async function* () {
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    })();
  }

  async putJson(bucket: string, key: string, document: unknown): Promise<void> {
    this.written.push(key);
    this.put(bucket, key, JSON.stringify(document));
  }

  #id(bucket: string, key: string): string {
    return `${bucket}/${key}`;
  }
}
