import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ObjectRef, ObjectStore } from '../app/ports.js';

const isAsyncIterable = (value: unknown): value is AsyncIterable<Uint8Array> =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

/**
 * The drift monitor's S3: paginated listings of hour prefixes, objects streamed line by line,
 * small objects read whole, reports written.
 *
 * `lines` decodes the body's chunks as UTF-8 in streaming mode and splits them on newlines, so a
 * capture file of any size is held one chunk at a time. A GET names the version when the
 * lineage recorded one (`VersionId`, else `If-Match` with the etag), so a baseline object
 * rewritten since training is refused instead of read as if it were the same.
 */
export class S3ObjectStore implements ObjectStore {
  readonly #client: S3Client;

  constructor(client: S3Client) {
    this.#client = client;
  }

  async list(bucket: string, prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.#client.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) if (object.Key !== undefined) keys.push(object.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
    return keys.sort();
  }

  async *lines(object: ObjectRef): AsyncIterable<string[]> {
    const body = await this.#open(object);
    const decoder = new TextDecoder('utf-8');
    let rest = '';
    for await (const chunk of body) {
      const text = rest + decoder.decode(chunk, { stream: true });
      const last = text.lastIndexOf('\n');
      if (last < 0) {
        rest = text;
        continue;
      }
      rest = text.slice(last + 1);
      yield text.slice(0, last).split('\n');
    }
    rest += decoder.decode();
    if (rest !== '') yield [rest];
  }

  async text(object: ObjectRef): Promise<string> {
    const decoder = new TextDecoder('utf-8');
    let text = '';
    for await (const chunk of await this.#open(object)) text += decoder.decode(chunk, { stream: true });
    return text + decoder.decode();
  }

  async put(bucket: string, key: string, body: string, contentType: string): Promise<void> {
    await this.#client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
  }

  async #open(object: ObjectRef): Promise<AsyncIterable<Uint8Array>> {
    const output = await this.#client.send(
      new GetObjectCommand({
        Bucket: object.bucket,
        Key: object.key,
        ...(object.versionId !== undefined
          ? { VersionId: object.versionId }
          : object.etag !== undefined
            ? { IfMatch: `"${object.etag}"` }
            : {}),
      }),
    );
    if (!isAsyncIterable(output.Body))
      throw new TypeError(`GetObject of s3://${object.bucket}/${object.key} returned no body`);
    return output.Body;
  }
}
