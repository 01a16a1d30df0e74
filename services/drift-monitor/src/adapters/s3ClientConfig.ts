/** The S3 client settings the environment asks for: see `s3ClientConfig` in `@fleet/shared`. */
export { s3ClientConfig } from '@fleet/shared';
