import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { EvaluationReader } from '../app/ports.js';
import { ApprovalError } from '../domain/errors.js';

/** Splits `s3://bucket/key` into its bucket and key. */
export const parseS3Uri = (uri: string): { bucket: string; key: string } => {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
  if (match === null) throw new ApprovalError(`not an s3://bucket/key URI: ${uri}`);
  return { bucket: match[1] as string, key: match[2] as string };
};

/** Reads evaluation JSON documents from S3. */
export class S3EvaluationReader implements EvaluationReader {
  readonly #client: S3Client;

  constructor(client: S3Client) {
    this.#client = client;
  }

  /** @throws ApprovalError naming the URI when the object is not JSON */
  async read(s3Uri: string): Promise<unknown> {
    const { bucket, key } = parseS3Uri(s3Uri);
    const out = await this.#client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const text = (await out.Body?.transformToString('utf8')) ?? '';
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new ApprovalError(`the evaluation at ${s3Uri} is not JSON`, { cause: error });
    }
  }
}
