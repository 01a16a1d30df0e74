export { type DynamoDbEmulator, startDynamoDb } from './startDynamoDb.js';
export { type S3Emulator, type S3rverEventRecord, s3ClientOptions, startS3 } from './startS3.js';
