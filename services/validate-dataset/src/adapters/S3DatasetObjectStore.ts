import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { ObjectUnavailableError } from '../app/ObjectUnavailableError.js';
import type { DatasetObjectStore, ObjectLocation, ObjectVersion } from '../app/ports.js';

type S3Error = Error & { $metadata?: { httpStatusCode?: number } };

const statusOf = (error: unknown): number | undefined => (error as S3Error)?.$metadata?.httpStatusCode;

const isGone = (error: unknown): boolean =>
  error instanceof Error &&
  (['NoSuchKey', 'NoSuchVersion', 'NotFound'].includes(error.name) || statusOf(error) === 404);

const isChanged = (error: unknown): boolean =>
  error instanceof Error && (error.name === 'PreconditionFailed' || statusOf(error) === 412);

/** An etag without the quotes S3 wraps it in on the wire. */
const bareEtag = (etag: string | undefined): string | undefined =>
  etag === undefined || etag === '' ? undefined : etag.replace(/^"(.*)"$/, '$1');

const isAsyncIterable = (value: unknown): value is AsyncIterable<Uint8Array> =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

/**
 * The dataset object store over S3: HEAD to learn a version, a streamed GET of exactly that
 * version, PUT for profiles.
 *
 * The GET names the version it validates: `VersionId` when the bucket is versioned, else
 * `If-Match` with the etag, so an object overwritten after its event is not mistaken for the one
 * the event announced (S3 answers 412, and the newer object has its own event). The body is
 * handed on as the SDK's Node stream, an async iterable of chunks: it is never buffered whole
 * (no `transformToString`), and it is destroyed when validation stops reading early.
 */
export class S3DatasetObjectStore implements DatasetObjectStore {
  readonly #client: S3Client;

  constructor(client: S3Client) {
    this.#client = client;
  }

  async describe(location: ObjectLocation): Promise<ObjectVersion | undefined> {
    try {
      const output = await this.#client.send(
        new HeadObjectCommand({ Bucket: location.bucket, Key: location.key, VersionId: location.versionId }),
      );
      const versionId = location.versionId ?? output.VersionId;
      const etag = bareEtag(output.ETag);
      return {
        bucket: location.bucket,
        key: location.key,
        ...(versionId === undefined ? {} : { versionId }),
        ...(etag === undefined ? {} : { etag }),
      };
    } catch (error) {
      if (isGone(error)) return undefined;
      throw error;
    }
  }

  async open(version: ObjectVersion): Promise<AsyncIterable<Uint8Array>> {
    const where = `s3://${version.bucket}/${version.key}`;
    try {
      const output = await this.#client.send(
        new GetObjectCommand({
          Bucket: version.bucket,
          Key: version.key,
          ...(version.versionId !== undefined
            ? { VersionId: version.versionId }
            : version.etag !== undefined
              ? { IfMatch: `"${version.etag}"` }
              : {}),
        }),
      );
      if (!isAsyncIterable(output.Body)) throw new TypeError(`GetObject of ${where} returned no readable body`);
      return output.Body;
    } catch (error) {
      if (isGone(error)) {
        const which = version.versionId === undefined ? '' : ` (version ${version.versionId})`;
        throw new ObjectUnavailableError('gone', `${where}${which} no longer exists`, { cause: error });
      }
      if (isChanged(error)) {
        throw new ObjectUnavailableError(
          'changed',
          `${where} changed since its event: etag ${version.etag} no longer matches`,
          {
            cause: error,
          },
        );
      }
      throw error;
    }
  }

  async putJson(bucket: string, key: string, document: unknown): Promise<void> {
    await this.#client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: JSON.stringify(document),
        ContentType: 'application/json',
      }),
    );
  }
}
