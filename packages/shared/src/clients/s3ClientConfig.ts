import { ConfigError } from '../errors/ConfigError.js';

const CHECKSUM_MODES = { when_supported: 'WHEN_SUPPORTED', when_required: 'WHEN_REQUIRED' } as const;

/** A checksum mode of the S3 client, as the SDK spells it. */
export type S3ChecksumMode = (typeof CHECKSUM_MODES)[keyof typeof CHECKSUM_MODES];

/**
 * The S3 client settings {@link s3ClientConfig} may set: a structural subset of the SDK's
 * `S3ClientConfig`, so it spreads into `new S3Client({...})` without this package depending on
 * `@aws-sdk/client-s3`.
 */
export interface S3ClientSettings {
  forcePathStyle?: boolean;
  requestChecksumCalculation?: S3ChecksumMode;
  responseChecksumValidation?: S3ChecksumMode;
}

const flag = (env: NodeJS.ProcessEnv, name: string): boolean | undefined => {
  const value = env[name]?.trim().toLowerCase();
  if (value === undefined || value === '') return undefined;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new ConfigError('environment', `${name} must be true or false, got "${env[name]}"`);
};

const checksumMode = (env: NodeJS.ProcessEnv, name: string): S3ChecksumMode | undefined => {
  const value = env[name]?.trim().toLowerCase();
  if (value === undefined || value === '') return undefined;
  const mode = CHECKSUM_MODES[value as keyof typeof CHECKSUM_MODES];
  if (mode === undefined)
    throw new ConfigError('environment', `${name} must be WHEN_SUPPORTED or WHEN_REQUIRED, got "${env[name]}"`);
  return mode;
};

/**
 * The S3 client settings the environment asks for, on top of the SDK's production defaults.
 *
 * Production sets none of these. S3 stand-ins (s3rver in the integration tests and the local
 * cloud) need path-style URLs (`AWS_S3_FORCE_PATH_STYLE=true`) and no streaming checksums
 * (`AWS_REQUEST_CHECKSUM_CALCULATION=WHEN_REQUIRED`, else uploads are stored as aws-chunked
 * bytes); the endpoint comes from `AWS_ENDPOINT_URL_S3` and the credentials from the usual
 * variables, which the SDK reads by itself. The checksum variables are the SDK's own; they are
 * read here too so a typo fails at cold start with a clear message instead of being ignored.
 *
 * @throws ConfigError naming the variable whose value is not understood
 */
export const s3ClientConfig = (env: NodeJS.ProcessEnv = process.env): S3ClientSettings => {
  const config: S3ClientSettings = {};
  const forcePathStyle = flag(env, 'AWS_S3_FORCE_PATH_STYLE');
  if (forcePathStyle !== undefined) config.forcePathStyle = forcePathStyle;
  const request = checksumMode(env, 'AWS_REQUEST_CHECKSUM_CALCULATION');
  if (request !== undefined) config.requestChecksumCalculation = request;
  const response = checksumMode(env, 'AWS_RESPONSE_CHECKSUM_VALIDATION');
  if (response !== undefined) config.responseChecksumValidation = response;
  return config;
};
