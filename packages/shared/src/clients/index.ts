export { type S3ChecksumMode, type S3ClientSettings, s3ClientConfig } from './s3ClientConfig.js';
