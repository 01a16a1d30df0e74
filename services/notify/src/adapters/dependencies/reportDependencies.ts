import { SSMProvider } from '@aws-lambda-powertools/parameters/ssm';
import { S3Client } from '@aws-sdk/client-s3';
import { SSMClient } from '@aws-sdk/client-ssm';
import { createObservability, getFleetConfig, oncePerColdStart } from '@fleet/shared';
import type { Clock, ReportObjects, Secrets } from '../../app/ports.js';
import { S3ReportObjects } from '../S3ReportObjects.js';
import { SsmSecrets } from '../SsmSecrets.js';
import { type DependencyOptions, defaultMaxAttempts, requiredEnv } from './coreDependencies.js';
import { serviceName } from './serviceName.js';

/** What the report link route needs: the signing key, the data bucket and the clock; no records table. */
export type ReportDependencies = { secrets: Secrets; reports: ReportObjects; clock: Clock };

/**
 * The dependencies of the report link route: the signing secret from SSM and presigned URLs of
 * the data bucket (`DATA_BUCKET_NAME`).
 *
 * @throws ConfigError naming a missing variable or a bad configuration field
 */
export const reportDependencies = (
  env: NodeJS.ProcessEnv = process.env,
  options: DependencyOptions = {},
): ReportDependencies => {
  const { tracer } = createObservability(serviceName);
  const config = getFleetConfig(env);
  const maxAttempts = options.maxAttempts ?? defaultMaxAttempts;
  const ssm = new SSMProvider({ awsSdkV3Client: tracer.captureAWSv3Client(new SSMClient({ maxAttempts })) });
  const s3 = new S3Client({ maxAttempts, forcePathStyle: env.AWS_S3_FORCE_PATH_STYLE === 'true' });
  return {
    secrets: new SsmSecrets(ssm, config.secrets),
    reports: new S3ReportObjects(s3, requiredEnv(env, 'DATA_BUCKET_NAME')),
    clock: options.clock ?? { now: () => new Date() },
  };
};

/** The report dependencies of this function, built once per cold start. */
export const defaultReportDependencies = oncePerColdStart(() => reportDependencies());
