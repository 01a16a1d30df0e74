/**
 * The endpoints of the local services, keyed by the lower-case service id of
 * `AWS_ENDPOINT_URL_<SERVICE>`: the built-in ones, and those further stand-ins add (`sfn`, `sns`...).
 */
export type LocalEndpoints = {
  dynamodb: string;
  s3: string;
  eventbridge: string;
  scheduler: string;
  sagemaker: string;
} & Record<string, string>;

/** The variable that points SDK clients of one service at an endpoint: `sagemaker_runtime` gives `AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME`. */
export const endpointVariable = (serviceId: string): string => `AWS_ENDPOINT_URL_${serviceId.toUpperCase()}`;

/**
 * The process environment under which the handlers' unchanged SDK clients reach the local cloud.
 *
 * `AWS_ENDPOINT_URL_<SERVICE>` redirects each client; the credentials are the ones s3rver
 * insists on (the other stand-ins accept any); profiles, session tokens and the instance
 * metadata lookup are switched off so nothing reaches for a real account; checksums are
 * calculated only where S3 requires them (s3rver would store streamed uploads as raw chunks);
 * Powertools logs at `logLevel` and publishes no metrics or traces. Without endpoints (before
 * the servers listen) it gives the rest, so nothing started earlier reaches for AWS or warns.
 *
 * @example
 * localCloudEnvironment(endpoints, { region: 'eu-west-1' }).AWS_ENDPOINT_URL_S3 // endpoints.s3
 */
export const localCloudEnvironment = (
  endpoints: Readonly<Record<string, string>> | undefined,
  options: { region: string; logLevel?: string },
): Record<string, string | undefined> => ({
  ...Object.fromEntries(
    Object.entries(endpoints ?? {}).map(([serviceId, endpoint]) => [endpointVariable(serviceId), endpoint]),
  ),
  AWS_ENDPOINT_URL: undefined,
  AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: undefined,
  AWS_ACCESS_KEY_ID: 'S3RVER',
  AWS_SECRET_ACCESS_KEY: 'S3RVER',
  AWS_SESSION_TOKEN: undefined,
  AWS_PROFILE: undefined,
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_REGION: options.region,
  AWS_DEFAULT_REGION: options.region,
  AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
  AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  POWERTOOLS_LOG_LEVEL: options.logLevel ?? 'SILENT',
  POWERTOOLS_METRICS_DISABLED: 'true',
  POWERTOOLS_TRACE_ENABLED: 'false',
  POWERTOOLS_DEV: undefined,
});
