import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ReportObjects } from '../app/ports.js';

/** How long a presigned report URL lives: long enough to open it, no longer. */
export const PRESIGNED_URL_SECONDS = 300;

/** Presigned GetObject URLs of reports in the data bucket, made fresh for each click. */
export class S3ReportObjects implements ReportObjects {
  readonly #client: S3Client;
  readonly #bucket: string;

  constructor(client: S3Client, bucket: string) {
    this.#client = client;
    this.#bucket = bucket;
  }

  presignedUrl(reportKey: string): Promise<string> {
    return getSignedUrl(this.#client, new GetObjectCommand({ Bucket: this.#bucket, Key: reportKey }), {
      expiresIn: PRESIGNED_URL_SECONDS,
    });
  }
}
