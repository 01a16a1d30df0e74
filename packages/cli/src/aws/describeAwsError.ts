/** Where an AWS call went, for the message that explains its failure. */
export type AwsCallContext = {
  /** What was read or written: `table fleet-dev-records`. */
  resource: string;
  region: string;
};

/** Errors of the AWS SDK's own making, before or instead of an answer from AWS. */
const CLIENT_ERRORS = new Set(['CredentialsProviderError', 'TimeoutError', 'AbortError']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH']);

const isAwsError = (error: Error & { $metadata?: unknown; code?: unknown }): boolean =>
  error.$metadata !== undefined || CLIENT_ERRORS.has(error.name) || NETWORK_CODES.has(String(error.code));

/**
 * Explains a failed AWS call to an operator: what was missing or refused, where, and what to
 * check. Returns `undefined` for an error that is not the SDK's or AWS's (a bug), which the
 * caller should let through.
 *
 * @example
 * describeAwsError(Object.assign(new Error('x'), { name: 'ResourceNotFoundException', $metadata: {} }),
 *   { resource: 'table t', region: 'eu-west-1' }) // 'no table t in region eu-west-1 (ResourceNotFoundException: x)'
 */
export const describeAwsError = (error: unknown, context: AwsCallContext): string | undefined => {
  if (!(error instanceof Error)) return undefined;
  if (error.message === 'Region is missing')
    return `no AWS region for ${context.resource}: pass --region or set AWS_REGION`;
  if (!isAwsError(error)) return undefined;
  const code = (error as { code?: unknown }).code;
  const cause = `${error.name}: ${error.message}`;
  const where = `${context.resource} in region ${context.region}`;
  if (error.name === 'ResourceNotFoundException') return `no ${where} (${cause})`;
  if (error.name === 'CredentialsProviderError') {
    return `no AWS credentials for ${where}: configure the SDK's default credentials (AWS_PROFILE, environment, SSO) (${cause})`;
  }
  if (['AccessDeniedException', 'UnrecognizedClientException', 'ExpiredTokenException'].includes(error.name)) {
    return `AWS refused access to ${where} (${cause})`;
  }
  if (NETWORK_CODES.has(String(code))) {
    return `cannot reach the service for ${where}: ${String(code)} (is the endpoint right, and for the local cloud is fleet local running?)`;
  }
  return `AWS call on ${where} failed (${cause})`;
};
